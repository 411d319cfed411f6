#pragma once
// The title and legend of a chart printed at column size. Qt Charts elides a title or a legend
// label that does not fit ("ImageNet: s…") and draws every legend swatch as a square, so lines and
// markers look alike. This layer takes over both: the title wrapped into as many lines as it
// needs, then the legend's visible entries in rows that wrap at the chart's width, each with a
// swatch that shows what its series draws (a line with its pen and dash, a marker with its shape
// and fill, a filled box for an area); the chart's top margin makes room for them. Used by the
// figure export in the publication style.
#include <vector>
#include <QGraphicsObject>
#include <QPen>

class QChart;
class QLegendMarker;

namespace nofade::ui {

class FigureLegendLayer : public QGraphicsObject {
    Q_OBJECT
public:
    // Hides the chart's own title and legend; `titleFont` and `labelFont` are the style's.
    FigureLegendLayer(QChart* chart, const QFont& titleFont, const QFont& labelFont);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString title() const { return title_; }
    QStringList labels() const;
    // The rows of entries after the last layout (laid out once the chart is in a scene).
    int rows() const { return rows_; }

private:
    enum class Swatch { Line, Marker, Area };
    struct Entry {
        QString label;
        Swatch swatch = Swatch::Marker;
        QPen pen;
        QBrush brush;
        QColor text;
        int shape = 0; // QScatterSeries::MarkerShape
        double markerSize = 7.0;
        QRectF box;    // where it is drawn (layer coordinates)
    };
    void collect();
    void relayout();

    QChart* chart_;
    QFont titleFont_;
    QFont labelFont_;
    QString title_;
    QRectF titleRect_;
    std::vector<Entry> entries_;
    QRectF bounds_;
    int rows_ = 0;
    int baseTopMargin_ = 0;
    bool collected_ = false;
};

} // namespace nofade::ui
