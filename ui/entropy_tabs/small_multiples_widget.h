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

Q_SIGNALS:
    void binDoubleClicked(int key, double lower, double upper);

protected:
    void paintEvent(QPaintEvent* event) override;
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
    static constexpr int kMinPanelWidth = 190;
    static constexpr int kPanelHeight = 130;
};

} // namespace nofade::ui
