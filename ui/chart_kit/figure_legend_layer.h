#pragma once
// The title and legend of a chart printed at column size. Qt Charts elides a title or a legend
// label that does not fit ("ImageNet: s…") and draws every legend swatch as a square, so lines and
// markers look alike. This layer takes over both: the title wrapped into as many lines as it
// needs, then the legend's visible entries in rows that wrap at the chart's width, each with a
// swatch that shows what its series draws (a line with its pen and dash, a marker with its shape
// and fill, a filled box for an area); the chart's top margin makes room for them. Used by the
// figure export in the publication style, and on screen (onScreen()), where Qt Charts' legend
// is cut at a small cell's bottom and elides long labels.
#include <vector>
#include <QGraphicsObject>
#include <QPen>
#include <QPointer>

class QChart;
class QLegendMarker;

namespace nofade::ui {

class FigureLegendLayer : public QGraphicsObject {
    Q_OBJECT
public:
    // Hides the chart's own title and legend; `titleFont` and `labelFont` are the style's.
    FigureLegendLayer(QChart* chart, const QFont& titleFont, const QFont& labelFont);
    // The layer of a chart on screen (made at the first call): it follows the chart as its owner
    // changes it (a new title, series added or removed, an entry dimmed, presentation mode's
    // larger type in the chart's title and legend fonts), and a click or hover on an entry goes to
    // its legend marker (QLegendMarker::clicked, hovered), as on Qt's legend. The chart's own
    // legend stays, detached and out of sight, so that its markers still say which entries show.
    static FigureLegendLayer* onScreen(QChart* chart);
    // The layer of `chart` on screen, or null.
    static FigureLegendLayer* of(const QChart* chart);
    // The chart's title, whether it or its screen layer draws it.
    static QString titleOf(const QChart* chart);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    QString title() const { return title_; }
    QStringList labels() const;
    // The rows of entries after the last layout (laid out once the chart is in a scene).
    int rows() const { return rows_; }
    // Where the title is drawn (chart coordinates; empty without a title) and its font.
    QRectF titleRect() const { return titleRect_; }
    QFont titleFont() const { return titleFont_; }
    QFont labelFont() const { return labelFont_; }
    // Each entry as laid out: its whole box (swatch and label) and the rectangle its label is
    // drawn in, word-wrapped when one entry is wider than the chart (chart coordinates).
    struct Laid {
        QString label;
        QRectF box;
        QRectF text;
    };
    std::vector<Laid> laidOut() const;
    // The entry at `chartPos` (chart coordinates), or -1.
    int entryAt(const QPointF& chartPos) const;
    // The height the title and legend take above the plot.
    double blockHeight() const { return bounds_.height(); }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    enum class Swatch { Line, Marker, Area };
    struct Entry {
        QString label;
        Swatch swatch = Swatch::Marker;
        QPen pen;
        QBrush brush;
        QColor textColour;
        int shape = 0; // QScatterSeries::MarkerShape
        double markerSize = 7.0;
        QRectF box;    // where it is drawn (layer coordinates)
        QRectF text;   // where its label is drawn
        QPointer<QLegendMarker> marker; // on screen: where clicks and hovers go
    };
    explicit FigureLegendLayer(QChart* chart);
    void collect();
    void relayout();
    // On screen: reads the chart again; lays out and repaints only when something changed.
    void sync();
    void syncOnce();
    void setHovered(int entry);
    double minimumChartHeight() const;
    void fitMinimumHeight();

    QChart* chart_;
    QFont titleFont_;
    QFont labelFont_;
    QString title_;
    QString titleShown_;
    QRectF titleRect_;
    std::vector<Entry> entries_;
    QRectF bounds_;
    int rows_ = 0;
    int baseTopMargin_ = 0;
    bool collected_ = false;
    bool live_ = false;
    bool syncing_ = false;
    bool syncAgain_ = false;
    int hovered_ = -1;
    int pressed_ = -1;
};

} // namespace nofade::ui
