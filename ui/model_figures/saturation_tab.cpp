#include "model_figures/saturation_tab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include "model_table/model_store.h"

namespace nofade::ui {

SaturationTab::SaturationTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent)
    : ModelFigureTab(workspace, selection, parent)
{
    setObjectName(QStringLiteral("saturationView"));
    datasets_ = new QComboBox;
    datasets_->setObjectName(QStringLiteral("saturationDatasets"));
    // Not as wide as its longest name: the tab's controls set the window's minimum width.
    datasets_->setMinimumContentsLength(15);
    datasets_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    colourBy_ = new QComboBox;
    colourBy_->setObjectName(QStringLiteral("saturationColourBy"));
    colourBy_->addItem(tr("Model family"), int(ColourBy::Family));
    colourBy_->addItem(tr("Task"), int(ColourBy::Task));
    colourBy_->addItem(tr("Dataset"), int(ColourBy::Dataset));
    controls()->insertWidget(0, new QLabel(tr("Datasets:")));
    controls()->insertWidget(1, datasets_);
    controls()->insertWidget(2, new QLabel(tr("Colour by:")));
    controls()->insertWidget(3, colourBy_);
    fillDatasets();
    connect(datasets_, &QComboBox::currentIndexChanged, this, &SaturationTab::rebuild);
    connect(colourBy_, &QComboBox::currentIndexChanged, this, &SaturationTab::rebuild);
    // Before the base class's rebuild: the choices follow the report's datasets.
    connect(workspace, &ModelStore::reportChanged, this, &SaturationTab::fillDatasets);
    rebuild();
}

void SaturationTab::fillDatasets()
{
    const QString current = datasets_->currentData().toString();
    const QSignalBlocker block(datasets_);
    datasets_->clear();
    datasets_->addItem(tr("Each dataset"), QStringLiteral("grid"));
    datasets_->addItem(tr("All datasets overlaid"), QStringLiteral("overlay"));
    for (const DatasetResult& d : workspace()->report().datasets)
        if (d.modelsWithCo2 > 0)
            datasets_->addItem(tr("%1 (%2 models)").arg(d.name).arg(d.modelsWithCo2), d.key);
    datasets_->setCurrentIndex(std::max(0, datasets_->findData(current)));
    if (datasets_->currentData().toString() != current)
        rebuild(); // the chosen dataset is gone
}

void SaturationTab::setDatasets(const QString& choice)
{
    const int i = datasets_->findData(choice);
    if (i >= 0)
        datasets_->setCurrentIndex(i);
}

QString SaturationTab::datasetsChoice() const { return datasets_->currentData().toString(); }

ColourBy SaturationTab::colourBy() const { return ColourBy(colourBy_->currentData().toInt()); }

void SaturationTab::setColourBy(ColourBy colourBy)
{
    const int i = colourBy_->findData(int(colourBy));
    if (i >= 0)
        colourBy_->setCurrentIndex(i);
}

QStringList SaturationTab::drawableDatasets() const
{
    QStringList keys;
    for (const DatasetResult& d : workspace()->report().datasets)
        if (d.modelsWithCo2 > 0)
            keys << d.key;
    return keys;
}

FigureSpec SaturationTab::spec() const
{
    FigureSpec s;
    s.kind = FigureSpec::Kind::Saturation;
    s.colourBy = ColourBy(colourBy_->currentData().toInt());
    const QString choice = datasets_->currentData().toString();
    if (choice == QLatin1String("grid") || choice == QLatin1String("overlay")) {
        s.panels = drawableDatasets();
        s.overlay = choice == QLatin1String("overlay");
        s.baseName = s.overlay ? QStringLiteral("saturation-overlay") : QStringLiteral("saturation-curves");
    } else {
        s.panels = QStringList{choice};
        for (const DatasetResult& d : workspace()->report().datasets)
            if (d.key == choice)
                s.baseName = QStringLiteral("saturation-%1").arg(fileSlug(d.name));
    }
    return s;
}

QString SaturationTab::emptyMessage() const
{
    if (!drawableDatasets().isEmpty())
        return {};
    return tr("<p><b>No model has both a score and a training CO₂ yet.</b></p>"
              "<p>CO₂ needs a device and its training time (device-hours or wall hours × devices), or the FLOPs, "
              "epochs and images per epoch to estimate it. Fill them in the Models table.</p>");
}

} // namespace nofade::ui
