#pragma once
// Small multiples: one mini density histogram per curve in a grid, sharing axes so the panels
// compare at a glance. Custom-painted (fast for many panels); hover shows the bin, a double-click
// asks for the bin's images.
#include <vector>
#include <QWidget>

#include "entropy_tabs/density_chart.h"

namespace nofade::ui {

class SmallMultiplesWidget : public QWidget {
    Q_OBJECT
public:
    explicit SmallMultiplesWidget(QWidget* parent = nullptr);

    void setCurves(std::vector<DensityCurve> curves);
    const std::vector<DensityCurve>& curves() const { return curves_; }
    void setSharedScale(bool shared);
    QSize sizeHint() const override;
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

    // The panel and bin under a point; false when none.
    bool hit(const QPoint& pos, int* curve, int* bin) const;

    // Where panel `index` draws, at the widget's width: the whole panel, its title, its plot and
    // the y axis's top and bottom labels. All derive from the font, so that presentation mode's
    // larger type fits.
    int panelCount() const { return int(curves_.size()); }
    QRect panelRect(int index) const { return panelRect(index, width()); }
    QRect titleRect(int index) const;
    QRect plotRect(int index) const { return plotRect(panelRect(index, width())); }
    QRect yLabelRect(int index, bool top) const;
    QString panelTitle(int index) const;
    QString yTopLabel(int index) const;
    QFont tickFont() const;

Q_SIGNALS:
    void binDoubleClicked(int key, double lower, double upper);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    int columnsFor(int width) const;
    int panelHeight(int width) const;
    QRect panelRect(int index, int width) const;
    QRect plotRect(const QRect& panel) const;

    std::vector<DensityCurve> curves_;
    bool shared_ = true;
    double sharedTop_ = 1.0;
    mutable int minPanelWidth_ = -1; // measured from the font and the curves, -1 until then
    mutable int yLabelWidth_ = -1;
    double topOf(const DensityCurve& c) const;
    int minPanelWidth() const;
    int minPanelHeight() const;
    int yLabelWidth() const;
};

} // namespace nofade::ui
