// 打印: buttons marked data-print open the browser's print dialog. The Content-Security-Policy (script-src 'self')
// refuses inline onclick handlers, so one listener on the document serves every such button, including those Blazor
// renders after this script ran.
document.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-print]')) window.print();
});
