#include "model_figures/model_figure_tab.h"

#include <cmath>

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QRegularExpression>
#include <QStackedLayout>

#include "chart_kit/hint_label.h"
#include "export/figure_export_dialog.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

ModelFigureTab::ModelFigureTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent)
    : QWidget(parent), workspace_(workspace), selection_(selection)
{
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });
    style_ = new QComboBox;
    style_->setObjectName(QStringLiteral("figureStyle"));
    style_->addItem(tr("Screen"), QStringLiteral("screen"));
    style_->addItem(tr("Publication"), QStringLiteral("publication"));
    style_->setToolTip(tr("Publication: white background, serif font, sizes in points of the printed figure"));
    errorBars_ = new QCheckBox(tr("Error &bars"));
    errorBars_->setObjectName(QStringLiteral("errorBarsToggle"));
    errorBars_->setChecked(true);
    errorBars_->setToolTip(tr("Each model's 90% CO₂ interval (Monte Carlo over its uncertain inputs) as a horizontal bar"));
    auto* reset = new QPushButton(tr("&Reset zoom"));
    auto* exportButton = new QPushButton(tr("E&xport…"));
    QLabel* hint = hintLabel(tr("Click: select · Ctrl+click: add/remove · Shift+drag: select a rectangle · wheel: zoom · "
                                "drag: pan · R: reset"));

    controls_ = new QHBoxLayout;
    controls_->addWidget(new QLabel(tr("Style:")));
    controls_->addWidget(style_);
    controls_->addWidget(errorBars_);
    controls_->addWidget(reset);
    controls_->addWidget(exportButton);
    controls_->addStretch(1);

    grid_ = new QWidget;
    gridLayout_ = new QGridLayout(grid_);
    gridLayout_->setContentsMargins(0, 0, 0, 0);
    gridLayout_->setSpacing(4);
    empty_ = new QLabel;
    empty_->setObjectName(QStringLiteral("figureEmptyState"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setTextFormat(Qt::RichText);
    empty_->setMargin(24);
    stack_ = new QStackedLayout;
    // A grid taller than the window (many datasets, presentation mode's type) scrolls instead of
    // growing the window beyond the screen.
    auto* gridScroll = new QScrollArea;
    gridScroll->setWidget(grid_);
    gridScroll->setWidgetResizable(true);
    gridScroll->setFrameShape(QFrame::NoFrame);
    stack_->addWidget(gridScroll);
    stack_->addWidget(empty_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls_);
    layout->addLayout(stack_, 1);
    layout->addWidget(hint);

    connect(style_, &QComboBox::currentIndexChanged, this, &ModelFigureTab::rebuild);
    connect(errorBars_, &QCheckBox::toggled, this, [this](bool on) {
        for (ModelChartView* v : views_)
            v->modelChart()->setErrorBarsVisible(on);
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        for (ModelChartView* v : views_)
            v->resetZoom();
    });
    connect(exportButton, &QPushButton::clicked, this, &ModelFigureTab::showExportDialog);
    connect(workspace_, &ModelStore::reportChanged, this, &ModelFigureTab::rebuild);
    connect(selection_, &ModelSelectionStore::changed, this, [this](const QObject* origin) {
        if (origin != this) // our own picks are already drawn
            applySelection();
    });
}

QWidget* ModelFigureTab::exportWidget() const { return grid_; }

void ModelFigureTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        rebuild();
    QWidget::changeEvent(event);
}

FigureStyle ModelFigureTab::style() const
{
    return FigureStyle::fromName(style_->currentData().toString()).value_or(FigureStyle::screen());
}

void ModelFigureTab::setStyleName(const QString& name)
{
    const int i = style_->findData(name);
    if (i >= 0)
        style_->setCurrentIndex(i);
}

bool ModelFigureTab::errorBars() const { return errorBars_->isChecked(); }

void ModelFigureTab::setErrorBars(bool on) { errorBars_->setChecked(on); }

QString ModelFigureTab::emptyText() const { return stack_->currentIndex() == 1 ? empty_->text() : QString(); }

void ModelFigureTab::rebuild() { lazy_->request(); }

void ModelFigureTab::rebuildNow()
{
    ++rebuilds_;
    for (ModelChartView* v : views_)
        delete v; // deletes its chart
    views_.clear();
    const QString message = emptyMessage();
    if (!message.isEmpty()) {
        empty_->setText(message);
        stack_->setCurrentIndex(1);
        return;
    }
    stack_->setCurrentIndex(0);
    const FigureSpec s = spec();
    auto charts = buildCharts(workspace_->report(), s, style(), selection_->rows());
    // No more columns than charts about 45 characters wide fit (fewer at presentation mode's type;
    // the grid scrolls).
    const int fit = std::max(1, width() / std::max(1, 45 * fontMetrics().averageCharWidth()));
    const int cols = std::min(gridColumns(int(charts.size())), fit);
    // Rows tall enough for their ticks and legend at the type's size (the grid scrolls), and for
    // the longest footer wrapped to a chart's width beyond the four lines that room leaves: the
    // footer grows with presentation mode's type and would otherwise squeeze the plot.
    const int rows = (int(charts.size()) + cols - 1) / cols;
    const double chartWidth = std::max(100.0, double(width()) / cols - 40.0);
    int footerLines = 0;
    for (const auto& chart : charts) {
        int lines = 0;
        for (const QString& line : QString(chart->stats() + QLatin1Char('\n') + chart->note()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines += int(std::ceil(fontMetrics().horizontalAdvance(line) / chartWidth));
        footerLines = std::max(footerLines, lines);
    }
    // A floor for each row, not the grid's own minimum: a chart whose wrapped title and legend
    // need more (FigureLegendLayer sets its view's minimum height) makes its row taller still.
    const int rowFloor = (15 + std::max(0, footerLines - 4)) * fontMetrics().height();
    // Equal cells whatever each chart's legend wants.
    for (int c = 0; c < gridLayout_->columnCount(); ++c)
        gridLayout_->setColumnStretch(c, c < cols ? 1 : 0);
    for (int r = 0; r < gridLayout_->rowCount(); ++r) {
        gridLayout_->setRowStretch(r, 0);
        gridLayout_->setRowMinimumHeight(r, r < rows ? rowFloor : 0);
    }
    for (int r = gridLayout_->rowCount(); r < rows; ++r)
        gridLayout_->setRowMinimumHeight(r, rowFloor);
    for (int c = 0; c < cols; ++c)
        gridLayout_->setColumnStretch(c, 1);
    for (int r = 0; r < (int(charts.size()) + cols - 1) / cols; ++r)
        gridLayout_->setRowStretch(r, 1);
    for (std::size_t i = 0; i < charts.size(); ++i) {
        charts[i]->setErrorBarsVisible(errorBars());
        auto* view = new ModelChartView(charts[i].release());
        view->setObjectName(QStringLiteral("modelChartView%1").arg(i));
        connect(view, &ModelChartView::picked, this, &ModelFigureTab::pick);
        gridLayout_->addWidget(view, int(i) / cols, int(i) % cols);
        views_.push_back(view);
    }
}

void ModelFigureTab::applySelection()
{
    for (ModelChartView* v : views_)
        v->modelChart()->setSelectedRows(selection_->rows());
}

void ModelFigureTab::pick(const QSet<int>& rows, ModelChartView::Pick mode)
{
    QSet<int> next = rows;
    if (mode == ModelChartView::Pick::Add) {
        next = selection_->rows() | rows;
    } else if (mode == ModelChartView::Pick::Toggle) {
        next = selection_->rows();
        for (int row : rows) {
            if (next.contains(row))
                next.remove(row);
            else
                next.insert(row);
        }
    }
    selection_->select(next, this);
    applySelection();
}

std::vector<std::unique_ptr<ModelChart>> ModelFigureTab::figureCharts(const FigureStyle& figureStyle) const
{
    auto charts = buildCharts(workspace_->report(), spec(), figureStyle, selection_->rows());
    for (auto& chart : charts)
        chart->setErrorBarsVisible(errorBars());
    // The current zoom of each chart (the same spec gives the same charts, in the same order).
    if (charts.size() == views_.size())
        for (std::size_t i = 0; i < charts.size(); ++i)
            charts[i]->setRange(views_[i]->modelChart()->currentRange());
    return charts;
}

bool ModelFigureTab::exportFigure(const QString& file, const FigureSize& size, const FigureStyle& figureStyle,
                                   QString* error) const
{
    if (!emptyMessage().isEmpty()) {
        *error = tr("%1: nothing to export: %2").arg(file, QString(emptyMessage()).remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
        return false;
    }
    const auto charts = figureCharts(figureStyle);
    std::vector<QChart*> raw;
    for (const auto& c : charts)
        raw.push_back(c.get());
    return FigureRenderer::write(raw, size, file, error);
}

void ModelFigureTab::copyToClipboard() const
{
    if (views_.empty())
        return;
    // The figure at its on-screen size, at twice the pixels (sharp on high-DPI screens and in documents).
    const auto charts = figureCharts(style());
    std::vector<QChart*> raw;
    for (const auto& c : charts)
        raw.push_back(c.get());
    const FigureSize size{grid_->width() / 96.0, grid_->height() / 96.0, 192};
    auto* data = new QMimeData;
    data->setImageData(FigureRenderer::image(raw, size));
    data->setData(QStringLiteral("image/svg+xml"), FigureRenderer::svg(raw, size, spec().baseName));
    QApplication::clipboard()->setMimeData(data);
}

void ModelFigureTab::showExportDialog()
{
    FigureExportDialog dialog(FigureExportDialog::Mode::File, style(), this);
    dialog.setPath(exportBaseName());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportFigure(dialog.path(), dialog.size(), dialog.style(), &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace nofade::ui
