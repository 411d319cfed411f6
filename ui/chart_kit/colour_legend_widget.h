#pragma once
// A vertical colour bar with value ticks for a ColourScale range.
#include <QWidget>

namespace nofade::ui {

class ColourLegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit ColourLegendWidget(QWidget* parent = nullptr);
    void setRange(double vmin, double vmax, const QString& title);
    QSize sizeHint() const override { return {90, 260}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double vmin_ = 0.0;
    double vmax_ = 1.0;
    QString title_;
};

} // namespace nofade::ui
