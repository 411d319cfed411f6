#pragma once
// Renders charts as a figure of a given size: PNG of exactly width × DPI by height × DPI pixels,
// SVG and PDF as vectors, chosen by the file's extension; written atomically. The charts are laid
// out in a grid on a canvas of 96 units per inch, so that font sizes in points are points of the
// printed figure. Charts must not be in another scene (build fresh ones: buildCharts()).
#include <functional>
#include <vector>
#include <QByteArray>
#include <QImage>
#include <QString>

class QChart;
class QPainter;
class QRectF;

namespace nofade::ui {

struct FigureSize {
    double widthIn = 6.0;
    double heightIn = 4.0;
    int dpi = 300; // PNG only; SVG and PDF are vectors

    QSize pixels() const; // PNG size: qRound(width × dpi) × qRound(height × dpi)
    // Empty when usable, else what is wrong (sizes 0.5-40 in, DPI 30-2400).
    QString validate() const;
};

class FigureRenderer {
public:
    // `columns`: of the grid of charts (0: gridColumns() of their number).
    static QImage image(const std::vector<QChart*>& charts, const FigureSize& size, int columns = 0);
    static QByteArray svg(const std::vector<QChart*>& charts, const FigureSize& size, const QString& title, int columns = 0);
    static QByteArray pdf(const std::vector<QChart*>& charts, const FigureSize& size, const QString& title, int columns = 0);
    // PNG, SVG or PDF by extension. False with `error` naming the file and the reason.
    static bool write(const std::vector<QChart*>& charts, const FigureSize& size, const QString& file, QString* error,
                      int columns = 0);
    // A figure that paints itself (a heatmap): `paint` draws on a canvas of width × 96 by
    // height × 96 units, whatever the file's resolution. Images are drawn lossless (no JPEG in a PDF).
    using Painter = std::function<void(QPainter*, const QRectF& canvas)>;
    static QImage image(const Painter& paint, const FigureSize& size);
    static bool write(const Painter& paint, const FigureSize& size, const QString& file, QString* error);
    static QString fileFilter();
};

} // namespace nofade::ui
