using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Milepost.Core;
using Milepost.Web.Hosting;
using SkiaSharp;

namespace Milepost.Web.Features.Reports;

/// <summary>A photo accepted into the store: what the row needs to describe it.</summary>
public sealed record StoredPhoto(string Sha256, string ContentType, long SizeBytes, int Width, int Height, string FileName);

/// <summary>
/// Site photos under &lt;DataDirectory&gt;/photos/ab/abcdef… by their SHA-256, never under the web root
/// (SECURITY.md 16). A file is accepted only if it is at most <see cref="MaxBytes"/> (counted while streaming,
/// never read whole first), starts with the JPEG or PNG signature and decodes completely; its 240-pixel
/// thumbnail is kept beside it. A refused file leaves nothing behind.
/// </summary>
public sealed class PhotoStore(IOptions<MilepostOptions> options)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int ThumbWidth = 240;
    // A 10 MB file may still claim a huge canvas (a "pixel bomb"): refuse before allocating it.
    private const long MaxPixels = 60_000_000;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private string Root => Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "photos"));

    public async Task<StoredPhoto> SaveAsync(Stream content, string? fileName, CancellationToken ct = default)
    {
        var name = CleanFileName(fileName);
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            var (sha, size) = await CopyLimitedAsync(content, temp, name, ct);
            var head = new byte[8];
            await using (var f = File.OpenRead(temp)) _ = await f.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var type = head.AsSpan().StartsWith(Png) ? "image/png" : head.AsSpan().StartsWith(Jpeg) ? "image/jpeg"
                : throw Refused(name, "photo.type", "不是 JPEG 或 PNG 图片（按文件内容判断，与扩展名无关）", "is not a JPEG or PNG image (judged by its content, not its name)");
            var (width, height, thumb) = Decode(temp, type, name);
            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            // The thumbnail first and by rename, so a reader never sees half a file and a stored photo always has
            // one. Two uploads of the same bytes may race here: both write identical content, so the later rename
            // simply replaces the earlier one.
            var thumbTemp = temp + ".thumb";
            await File.WriteAllBytesAsync(thumbTemp, thumb, ct);
            File.Move(thumbTemp, final + ".thumb.jpg", overwrite: true);
            File.Move(temp, final, overwrite: true);
            return new StoredPhoto(sha, type, size, width, height, name);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            if (File.Exists(temp + ".thumb")) File.Delete(temp + ".thumb");
        }
    }

    /// <summary>The stored bytes of a photo, or of its thumbnail; null when the file is gone.</summary>
    public Stream? Open(string sha256, bool thumbnail)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathOf(sha256) + (thumbnail ? ".thumb.jpg" : "");
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string sha) => Path.Combine(Root, sha[..2], sha);

    private static async Task<(string Sha, long Size)> CopyLimitedAsync(Stream content, string path, string name, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                    throw Refused(name, "photo.size", $"超过 {MaxBytes / 1024 / 1024} MB 的大小限制", $"is larger than the {MaxBytes / 1024 / 1024} MB limit");
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        if (total == 0) throw Refused(name, "photo.empty", "是空文件", "is empty");
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    private static (int Width, int Height, byte[] Thumb) Decode(string path, string type, string name)
    {
        using var codec = SKCodec.Create(path);
        var expected = type == "image/png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec is null || codec.EncodedFormat != expected)
            throw Refused(name, "photo.decode", "无法识别为完整的图片，文件可能已损坏", "cannot be read as a complete image; the file may be damaged");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
            throw Refused(name, "photo.pixels", "图片尺寸过大（像素过多）", "has too many pixels");
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw Refused(name, "photo.decode", "无法完整解码，文件可能已损坏或不完整", "cannot be decoded completely; the file may be damaged or cut short");
        var width = Math.Min(ThumbWidth, info.Width);
        var height = Math.Max(1, (int)Math.Round((double)info.Height * width / info.Width));
        using var small = bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw Refused(name, "photo.decode", "无法生成缩略图", "cannot be scaled");
        using var image = SKImage.FromBitmap(small);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return (info.Width, info.Height, data.ToArray());
    }

    /// <summary>The name kept for display: no folders, no "..", no control characters, at most 100 characters.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0) name = "photo";
        return name.Length > 100 ? name[^100..] : name;
    }

    private static ValidationException Refused(string name, string code, string zh, string en) =>
        new(new ValidationError("Photo", code, $"照片“{name}”{zh}，未保存", $"Photo “{name}” {en}; nothing was saved"));
}
