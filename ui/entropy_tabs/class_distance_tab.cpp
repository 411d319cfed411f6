#include "entropy_tabs/class_distance_tab.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>
#include <QHBoxLayout>
#include <QLabel>

#include "chart_kit/colour_legend_widget.h"
#include "dataset_list/dataset_combo_box.h"
#include "dataset_list/sample_estimate_text.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/heatmap_figure.h"
#include "entropy_tabs/heatmap_widget.h"
#include "export/figure_renderer.h"
#include "shell/lazy_update_controller.h"

namespace nofade::ui {

ClassDistanceTab::ClassDistanceTab(DatasetStore* store, QWidget* parent) : QWidget(parent), store_(store)
{
    setObjectName(QStringLiteral("classDistanceTab"));
    lazy_ = new LazyUpdateController(this, [this] { rebuildNow(); });
    dataset_ = new DatasetComboBox(store, true);
    dataset_->setObjectName(QStringLiteral("distanceDataset"));
    order_ = new QComboBox;
    order_->setObjectName(QStringLiteral("distanceOrder"));
    order_->addItem(tr("Clustering (average linkage)"));
    order_->addItem(tr("Mean entropy"));
    order_->addItem(tr("Dataset order"));
    scale_ = new QComboBox;
    scale_->setObjectName(QStringLiteral("distanceScale"));
    scale_->addItem(tr("0 to this dataset's maximum"));
    scale_->addItem(tr("Fixed 0 to 1"));
    scale_->addItem(tr("Shared by all datasets"));
    scale_->setToolTip(tr("The colour scale's range. Fixed or shared: heatmaps of different datasets compare."));
    heatmap_ = new HeatmapWidget;
    heatmap_->setObjectName(QStringLiteral("distanceHeatmap"));
    heatmap_->setToolTip(tr("Wheel: zoom · drag: pan · R or double-click: whole map"));
    search_ = new QLineEdit;
    search_->setObjectName(QStringLiteral("distanceSearch"));
    search_->setPlaceholderText(tr("Find a class"));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(tr("Zooms the heatmap to the first class whose name contains this text and outlines its row and column"));
    auto* completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    search_->setCompleter(completer);
    legend_ = new ColourLegendWidget;
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("distanceSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    hover_ = new QLabel;
    hover_->setWordWrap(true);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Dataset:")));
    controls->addWidget(dataset_);
    controls->addWidget(new QLabel(tr("Order:")));
    controls->addWidget(order_);
    auto* scaleLabel = new QLabel(tr("&Scale:"));
    scaleLabel->setBuddy(scale_);
    controls->addWidget(scaleLabel);
    controls->addWidget(scale_);
    controls->addStretch(1);

    auto* side = new QVBoxLayout;
    side->addWidget(search_);
    side->addWidget(legend_, 1);
    side->addWidget(hover_);
    side->addWidget(summary_);
    side_ = new QWidget;
    side_->setLayout(side);
    fitSide();

    auto* body = new QHBoxLayout;
    body->addWidget(heatmap_, 1);
    body->addWidget(side_);
    body_ = new QWidget;
    body_->setLayout(body);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(body_, 1);

    connect(dataset_, &DatasetComboBox::datasetChanged, this, &ClassDistanceTab::rebuild);
    connect(order_, &QComboBox::currentIndexChanged, this, &ClassDistanceTab::applyOrder);
    connect(search_, &QLineEdit::textChanged, this, &ClassDistanceTab::findClass);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &ClassDistanceTab::findClass);
    connect(scale_, &QComboBox::currentIndexChanged, this, &ClassDistanceTab::rebuild);
    connect(store_, &DatasetStore::changed, this, [this] { // another dataset's distances move the shared scale
        if (Scale(scale_->currentIndex()) == Scale::Shared)
            rebuild();
    });
    connect(heatmap_, &HeatmapWidget::cellHovered, this, [this](int a, int b, double v) {
        const DatasetEntry* e = store_->find(datasetId());
        if (a < 0 || !e || !e->profile) {
            hover_->setText(tr("Hover over a cell to see the pair."));
            return;
        }
        const std::vector<int> usable = e->profile->usableClasses();
        hover_->setText(tr("<b>%1</b> × <b>%2</b><br>JS distance <b>%3</b>")
                            .arg(e->profile->classes[std::size_t(usable[std::size_t(a)])].name.toHtmlEscaped(),
                                 e->profile->classes[std::size_t(usable[std::size_t(b)])].name.toHtmlEscaped())
                            .arg(v, 0, 'f', 4));
    });
    rebuild();
}

void ClassDistanceTab::fitSide()
{
    // About 34 characters: the colour bar's title and the summary's lines, at any type size.
    side_->setFixedWidth(std::max(250, 34 * fontMetrics().averageCharWidth()));
    hover_->setMinimumHeight(3 * fontMetrics().height());
}

void ClassDistanceTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        fitSide();
    QWidget::changeEvent(event);
}

void ClassDistanceTab::setDataset(int id) { dataset_->setCurrentId(id); }

int ClassDistanceTab::datasetId() const { return dataset_->currentId(); }

void ClassDistanceTab::setOrder(Order order) { order_->setCurrentIndex(int(order)); }

void ClassDistanceTab::setScale(Scale scale) { scale_->setCurrentIndex(int(scale)); }

QString ClassDistanceTab::scaleTitle() const
{
    switch (Scale(scale_->currentIndex())) {
    case Scale::Fixed: return tr("JS distance (fixed scale 0–1)");
    case Scale::Shared: return tr("JS distance (shared scale)");
    case Scale::DatasetMax: break;
    }
    return tr("JS distance (0 to dataset max)");
}

HeatmapFigure ClassDistanceTab::figure(const FigureStyle& style) const
{
    HeatmapFigure f;
    f.matrix = heatmap_->matrix();
    f.labels = heatmap_->labels();
    f.order = heatmap_->order();
    f.vmin = heatmap_->vmin();
    f.vmax = heatmap_->vmax();
    if (const DatasetEntry* e = store_->find(datasetId()))
        f.title = e->name;
    f.scaleTitle = scaleTitle();
    f.style = style;
    return f;
}

bool ClassDistanceTab::exportFigure(const QString& file, const FigureSize& size, const FigureStyle& style, QString* error) const
{
    const HeatmapFigure f = figure(style);
    return FigureRenderer::write([&f](QPainter* p, const QRectF& canvas) { f.paint(p, canvas); }, size, file, error);
}

QString ClassDistanceTab::summaryText() const { return summary_->text(); }

void ClassDistanceTab::rebuild() { lazy_->request(); }

void ClassDistanceTab::rebuildNow()
{
    const DatasetEntry* e = store_->find(datasetId());
    hover_->setText(tr("Hover over a cell to see the pair."));
    if (!e || !e->profile || !e->jsd) {
        heatmap_->setMatrix({}, {}, {}, 0.0, 1.0);
        summary_->setText(tr("No dataset with classes has been scanned yet."));
        legend_->setRange(0.0, 1.0, scaleTitle());
        return;
    }
    const Profile& p = *e->profile;
    const JsdSummary& jsd = *e->jsd;
    const std::vector<int> usable = p.usableClasses();
    double vmax = 0.0;
    DistanceMatrix m = usableClassDistances(p, jsd, &vmax);
    QStringList labels;
    classMeans_.clear();
    for (int c : usable) {
        labels << p.classes[std::size_t(c)].name;
        classMeans_.push_back(p.classes[std::size_t(c)].moments.mean());
    }
    if (vmax <= 0.0)
        vmax = 1.0;
    if (Scale(scale_->currentIndex()) == Scale::Fixed)
        vmax = 1.0;
    else if (Scale(scale_->currentIndex()) == Scale::Shared)
        for (int row = 0; row < store_->count(); ++row)
            if (const auto& other = store_->at(row).jsd)
                for (const JsdPair& pair : other->pairs)
                    vmax = std::max(vmax, pair.distance);
    heatmap_->setMatrix(std::move(m), labels, {}, 0.0, vmax);
    if (auto* names = qobject_cast<QStringListModel*>(search_->completer()->model()))
        names->setStringList(labels);
    legend_->setRange(0.0, vmax, scaleTitle());
    QString text = tr("<b>%1</b><br>%2 classes with images (of %3), %4 pairs<br>class model: %5, %6 bins<br><br>"
                      "Sum of JS distances: <b>%7</b><br>")
                       .arg(e->name.toHtmlEscaped())
                       .arg(usable.size())
                       .arg(p.classes.size())
                       .arg(jsd.pairs.size())
                       .arg(classModelName(p.settings.classModel))
                       .arg(p.settings.bins)
                       .arg(jsd.sum, 0, 'f', 4);
    if (jsd.complexity)
        text += tr("C_JS = ln(sum) = <b>%1</b>").arg(*jsd.complexity, 0, 'f', 4);
    else
        text += tr("No C_JS: %1").arg(jsd.reason.toHtmlEscaped());
    if (p.sample) // the sample's own C_JS above is biased up: show the estimate for the dataset
        text += tr("<br>Estimated for the whole dataset: C_JS <b>%1</b><br><i>Quick estimate: continue the scan for "
                   "the exact value.</i>").arg(jsEstimateText(p).toHtmlEscaped());
    else if (!p.complete)
        text += tr("<br><i>Incomplete profile (scan cancelled).</i>");
    summary_->setText(text);
    applyOrder();
}

int ClassDistanceTab::findClass(const QString& text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return -1;
    // The class of that name, else the first whose name contains it.
    const QStringList& labels = heatmap_->labels();
    int found = -1;
    for (int i = 0; i < int(labels.size()) && found < 0; ++i)
        if (labels[i].compare(wanted, Qt::CaseInsensitive) == 0)
            found = i;
    for (int i = 0; i < int(labels.size()) && found < 0; ++i)
        if (labels[i].contains(wanted, Qt::CaseInsensitive))
            found = i;
    if (found >= 0)
        heatmap_->showItem(found);
    return found;
}

void ClassDistanceTab::applyOrder()
{
    switch (Order(order_->currentIndex())) {
    case Order::Clustering: heatmap_->setOrder(orderByClustering(heatmap_->matrix())); break;
    case Order::MeanEntropy: heatmap_->setOrder(orderByKey(classMeans_)); break;
    case Order::Dataset: heatmap_->setOrder({}); break;
    }
}

} // namespace nofade::ui
