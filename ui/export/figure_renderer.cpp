#include "export/figure_renderer.h"

#include <cmath>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include "export/figure_spec.h"

namespace nofade::ui {

namespace {
constexpr double kUnitsPerInch = 96.0;

// Puts the charts into a scene on a canvas of width × 96 by height × 96 units, in a grid, and
// takes them out again when done (the charts belong to the caller).
class Canvas {
public:
    Canvas(const std::vector<QChart*>& charts, const FigureSize& size, int columns)
        : charts_(charts), rect_(0, 0, size.widthIn * kUnitsPerInch, size.heightIn * kUnitsPerInch)
    {
        scene_.setSceneRect(rect_);
        scene_.setBackgroundBrush(Qt::white);
        const int n = int(charts.size());
        const int cols = columns > 0 ? std::min(columns, std::max(1, n)) : gridColumns(n);
        const int rows = (n + cols - 1) / cols;
        for (QChart* chart : charts)
            scene_.addItem(chart);
        // Twice: a chart that changed its margins for its new width (the model charts' footer)
        // asks for another layout pass by a posted event; run those now, there is no event loop.
        for (int pass = 0; pass < 2; ++pass) {
            for (int i = 0; i < n; ++i) {
                const double w = rect_.width() / cols, h = rect_.height() / std::max(1, rows);
                charts[std::size_t(i)]->setGeometry(QRectF((i % cols) * w, (i / cols) * h, w, h));
            }
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        }
    }
    ~Canvas()
    {
        for (QChart* chart : charts_)
            scene_.removeItem(chart);
    }
    void render(QPainter* painter, const QRectF& target)
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::TextAntialiasing);
        scene_.render(painter, target, rect_, Qt::IgnoreAspectRatio);
    }
    QRectF rect() const { return rect_; }

private:
    std::vector<QChart*> charts_;
    QRectF rect_;
    QGraphicsScene scene_;
};
} // namespace

QSize FigureSize::pixels() const { return QSize(qRound(widthIn * dpi), qRound(heightIn * dpi)); }

QString FigureSize::validate() const
{
    if (!(widthIn >= 0.5 && widthIn <= 40.0) || !(heightIn >= 0.5 && heightIn <= 40.0))
        return QStringLiteral("figure size %1 × %2 in: each side must be from 0.5 to 40 inches").arg(widthIn).arg(heightIn);
    if (dpi < 30 || dpi > 2400)
        return QStringLiteral("resolution %1 dpi: must be from 30 to 2400").arg(dpi);
    return {};
}

namespace {
// The canvas painted into a PNG image of size.pixels(), an SVG or a PDF page of the figure's size.
QImage paintImage(const FigureRenderer::Painter& paint, const FigureSize& size)
{
    QImage image(size.pixels(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        // Painted at the image's default 96 dpi so that fonts keep their layout size; the
        // transform does the scaling. The real DPI is written into the file afterwards.
        QPainter p(&image);
        const QRectF canvas(0, 0, size.widthIn * kUnitsPerInch, size.heightIn * kUnitsPerInch);
        p.scale(image.width() / canvas.width(), image.height() / canvas.height());
        paint(&p, canvas);
    }
    image.setDotsPerMeterX(qRound(size.dpi / 0.0254));
    image.setDotsPerMeterY(qRound(size.dpi / 0.0254));
    return image.convertToFormat(QImage::Format_RGB32);
}

QByteArray paintSvg(const FigureRenderer::Painter& paint, const FigureSize& size, const QString& title)
{
    const QRectF canvas(0, 0, size.widthIn * kUnitsPerInch, size.heightIn * kUnitsPerInch);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(int(kUnitsPerInch)); // fonts in points map as on the canvas
    svg.setSize(canvas.size().toSize());
    svg.setViewBox(canvas);
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("NoFADE Studio figure"));
    QPainter p(&svg);
    paint(&p, canvas);
    p.end();
    return bytes;
}

// QPageSize keeps whole points, so a 2.6 in page (187.2 pt) comes out 187 pt high. The page's box
// is rewritten to the exact size in place (same length, so the file's byte offsets stay valid):
// the top edge stays where Qt put it (its y axis runs down from there) and the bottom and right
// edges move to the exact size.
void exactMediaBox(QByteArray* pdf, const FigureSize& size)
{
    static const QRegularExpression box(QStringLiteral("/(MediaBox|CropBox) \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QString text = QString::fromLatin1(*pdf);
    const double wPt = size.widthIn * 72.0, hPt = size.heightIn * 72.0;
    for (auto it = box.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double qtHeight = m.captured(3).toDouble();
        QString exact = QStringLiteral("/%1 [0 %2 %3 %4]")
                            .arg(m.captured(1), QString::number(qtHeight - hPt, 'g', 8), QString::number(wPt, 'g', 8), m.captured(3));
        if (exact.size() > m.capturedLength())
            continue; // cannot be rewritten in place: keep Qt's
        exact.insert(exact.size() - 1, QString(m.capturedLength() - exact.size(), QLatin1Char(' ')));
        pdf->replace(m.capturedStart(), m.capturedLength(), exact.toLatin1());
    }
}

QByteArray paintPdf(const FigureRenderer::Painter& paint, const FigureSize& size, const QString& title)
{
    const QRectF canvas(0, 0, size.widthIn * kUnitsPerInch, size.heightIn * kUnitsPerInch);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("NoFADE Studio"));
    // 96 device units per inch: fonts in points resolve as on the canvas (a vector file either way).
    pdf.setResolution(int(kUnitsPerInch));
    pdf.setPageSize(QPageSize(QSizeF(size.widthIn, size.heightIn), QPageSize::Inch, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p(&pdf);
    // Without this hint QPdfEngine stores images as JPEG, which shifts a colour scale's colours.
    p.setRenderHint(QPainter::LosslessImageRendering);
    // No scaling: device units are canvas units (pdf.height() would round 249.6 units down to 249).
    paint(&p, canvas);
    p.end();
    exactMediaBox(&bytes, size);
    return bytes;
}

FigureRenderer::Painter chartPainter(Canvas* canvas)
{
    return [canvas](QPainter* p, const QRectF& target) { canvas->render(p, target); };
}

bool encode(const FigureRenderer::Painter& paint, const FigureSize& size, const QString& file, QString* error)
{
    if (const QString why = size.validate(); !why.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(file, why);
        return false;
    }
    const QString ext = QFileInfo(file).suffix().toLower();
    const QString title = QFileInfo(file).completeBaseName();
    QByteArray bytes;
    if (ext == QLatin1String("png")) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!paintImage(paint, size).save(&buffer, "PNG")) {
            *error = QStringLiteral("%1: cannot encode the PNG image").arg(file);
            return false;
        }
    } else if (ext == QLatin1String("svg")) {
        bytes = paintSvg(paint, size, title);
    } else if (ext == QLatin1String("pdf")) {
        bytes = paintPdf(paint, size, title);
    } else {
        *error = QStringLiteral("%1: unknown format \"%2\" (use .png, .svg or .pdf)").arg(file, ext);
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}
} // namespace

QImage FigureRenderer::image(const std::vector<QChart*>& charts, const FigureSize& size, int columns)
{
    Canvas canvas(charts, size, columns);
    return paintImage(chartPainter(&canvas), size);
}

QByteArray FigureRenderer::svg(const std::vector<QChart*>& charts, const FigureSize& size, const QString& title, int columns)
{
    Canvas canvas(charts, size, columns);
    return paintSvg(chartPainter(&canvas), size, title);
}

QByteArray FigureRenderer::pdf(const std::vector<QChart*>& charts, const FigureSize& size, const QString& title, int columns)
{
    Canvas canvas(charts, size, columns);
    return paintPdf(chartPainter(&canvas), size, title);
}

bool FigureRenderer::write(const std::vector<QChart*>& charts, const FigureSize& size, const QString& file, QString* error,
                           int columns)
{
    if (const QString why = size.validate(); !why.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(file, why);
        return false;
    }
    Canvas canvas(charts, size, columns);
    return encode(chartPainter(&canvas), size, file, error);
}

QImage FigureRenderer::image(const Painter& paint, const FigureSize& size) { return paintImage(paint, size); }

bool FigureRenderer::write(const Painter& paint, const FigureSize& size, const QString& file, QString* error)
{
    return encode(paint, size, file, error);
}

QString FigureRenderer::fileFilter()
{
    return QStringLiteral("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)");
}

} // namespace nofade::ui
