using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Reports;
using Milepost.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Milepost.Web.Tests.Reports;

/// <summary>Records the permission matrix needs: an approved report of a project, with a stored photo.</summary>
public static class ReportMatrixData
{
    public static async Task<(long Report, long Photo)> ApprovedReportWithPhotoAsync(MilepostFactory factory, long projectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var january = new YearMonth(2020, 1);
        var report = await db.MonthlyReports.SingleAsync(r => r.ProjectId == projectId && r.Month == january && r.Revision == 1);
        if (report.State != ReportState.Approved) throw new InvalidOperationException("the demo's January reports are approved");
        using var bitmap = new SKBitmap(320, 200);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor((byte)(projectId * 40 % 255), 90, 60));
        using var encoded = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        await using var stream = new MemoryStream(encoded.ToArray());
        var stored = await scope.ServiceProvider.GetRequiredService<PhotoStore>().SaveAsync(stream, "site.png");
        var photo = new ReportPhoto
        {
            ReportId = report.Id, ProjectId = projectId, DivisionCode = report.DivisionCode, Sha256 = stored.Sha256, ContentType = stored.ContentType,
            SizeBytes = stored.SizeBytes, Width = stored.Width, Height = stored.Height, FileName = stored.FileName, UploadedBy = "owner",
            UploadedAt = new DateTime(2020, 2, 3, 2, 0, 0, DateTimeKind.Utc),
        };
        db.ReportPhotos.Add(photo);
        await db.SaveChangesAsync();
        return (report.Id, photo.Id);
    }
}
