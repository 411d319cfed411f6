#pragma once
// The 256-bin grey-level histogram of one image, custom-painted, with hover showing level and count.
#include <QWidget>

#include "maths/entropy.h"

namespace nofade::ui {

class IntensityHistogramWidget : public QWidget {
    Q_OBJECT
public:
    explicit IntensityHistogramWidget(QWidget* parent = nullptr);
    void setHistogram(const IntensityHistogram& histogram);
    void clear();
    QSize sizeHint() const override { return {300, 140}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect plotRect() const;
    IntensityHistogram histogram_{};
    std::uint64_t total_ = 0;
    std::uint64_t max_ = 0;
};

} // namespace nofade::ui
