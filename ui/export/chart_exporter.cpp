#include "export/chart_exporter.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QBuffer>
#include <QWidget>
#include <QChartView>

namespace nofade::ui {

namespace {
// A chart view draws through its scene: QWidget::render of a QChartView into a QPdfWriter drops
// the legend after its first label (the swatches and the other labels come out invisible), while
// QGraphicsScene::render of the same items draws them all, in every format.
void renderWidget(QWidget* widget, QPainter* p)
{
    if (auto* view = qobject_cast<QChartView*>(widget); view && view->scene()) {
        const QRectF source = view->mapToScene(view->viewport()->rect()).boundingRect();
        p->fillRect(QRectF(QPointF(0, 0), QSizeF(widget->size())), view->backgroundBrush().style() == Qt::NoBrush
                                                                        ? widget->palette().window()
                                                                        : view->backgroundBrush());
        view->scene()->render(p, QRectF(QPointF(0, 0), QSizeF(view->viewport()->size())), source, Qt::IgnoreAspectRatio);
        return;
    }
    widget->render(p, QPoint(), QRegion(), QWidget::DrawChildren);
}
} // namespace

bool ChartExporter::exportWidget(QWidget* widget, const QString& file, QString* error, int dpi)
{
    const QString ext = QFileInfo(file).suffix().toLower();
    const QSize size = widget->size();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (ext == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(widget->windowTitle());
        svg.setDescription(QStringLiteral("NoFADE Studio"));
        QPainter p(&svg);
        renderWidget(widget, &p);
    } else if (ext == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(dpi);
        pdf.setPageSize(QPageSize(QSizeF(size.width() / 96.0, size.height() / 96.0), QPageSize::Inch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p(&pdf);
        const double scale = double(dpi) / 96.0;
        p.scale(scale, scale);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::LosslessImageRendering); // no JPEG
        renderWidget(widget, &p);
    } else if (ext == QLatin1String("png") || ext == QLatin1String("jpg") || ext == QLatin1String("jpeg")) {
        const double scale = double(dpi) / 96.0;
        QImage image(size * scale, QImage::Format_ARGB32);
        image.setDotsPerMeterX(int(dpi / 0.0254));
        image.setDotsPerMeterY(int(dpi / 0.0254));
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            p.scale(scale, scale);
            renderWidget(widget, &p);
        }
        if (!image.save(&buffer, ext == QLatin1String("png") ? "PNG" : "JPG")) {
            *error = QStringLiteral("%1: cannot encode the image").arg(file);
            return false;
        }
    } else {
        *error = QStringLiteral("%1: unknown format \"%2\" (use .png, .svg or .pdf)").arg(file, ext);
        return false;
    }
    buffer.close();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

QString ChartExporter::fileFilter()
{
    return QStringLiteral("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)");
}

} // namespace nofade::ui
