#include "model_table/complexity_editor_widget.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "complexity/measure_names.h"
#include "model_table/model_store.h"
#include "models/dataset_names.h"
#include "models/text_values.h"

namespace nofade::ui {

namespace {

const QString kTypedPrefix = QStringLiteral("typed in: ");

QString shortNumber(double v) { return QString::number(v, 'g', 5); }

// The user's input for a dataset key, or nullptr.
const ComplexityInput* userInput(const ModelStore* w, const QString& key)
{
    const ComplexityInput* found = nullptr;
    for (const ComplexityInput& c : w->userComplexities())
        if (datasetKey(c.dataset) == key)
            found = &c;
    return found;
}

const ComplexityInput* profileInput(const ModelStore* w, const QString& key)
{
    const ComplexityInput* found = nullptr;
    for (const ComplexityInput& c : w->profileComplexities())
        if (datasetKey(c.dataset) == key)
            found = &c;
    return found;
}

} // namespace

ComplexityEditorWidget::ComplexityEditorWidget(ModelStore* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), table_(new QTableWidget(0, ColumnCount)), hint_(new QLabel)
{
    table_->setObjectName(QStringLiteral("complexityTable"));
    table_->setHorizontalHeaderLabels({tr("Dataset"), tr("Measure"), tr("Profile"), tr("Typed"), tr("Note"), tr("Used")});
    table_->horizontalHeaderItem(Profile)->setToolTip(tr("The measure's value from a scanned profile of the dataset"));
    table_->horizontalHeaderItem(Note)->setToolTip(tr("Where a typed value comes from (paper, table, ...)"));
    table_->horizontalHeaderItem(Typed)->setToolTip(tr("A published or computed value, used whatever the measure; empty: use the profile"));
    table_->verticalHeader()->hide();
    // The columns share the dock's width: no sideways scrolling, so editing Typed never scrolls
    // the Dataset column out of sight. The note takes what is left (its full text is its tooltip).
    QHeaderView* header = table_->horizontalHeader();
    header->setMinimumSectionSize(36);
    for (int c : {int(Dataset), int(Measure), int(Profile), int(Typed), int(Used)})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Note, QHeaderView::Stretch);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setEditTriggers(QAbstractItemView::AllEditTriggers);
    hint_->setWordWrap(true);
    hint_->setText(tr("<small>A complexity comes from a scanned profile of a dataset with the same name (Datasets dock; "
                      "aliases match, e.g. ILSVRC2012 = ImageNet), or is typed in with its source. No values are bundled: "
                      "the paper does not list them per dataset.</small>"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_, 1);
    layout->addWidget(hint_);
    connect(table_, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (!updating_ && (column == Typed || column == Note))
            commit(row);
    });
    connect(workspace_, &ModelStore::reportChanged, this, &ComplexityEditorWidget::rebuild);
    rebuild();
}

void ComplexityEditorWidget::rebuild()
{
    QStringList keys;
    for (const DatasetResult& d : workspace_->report().datasets)
        keys << d.key;
    if (keys == keys_) {
        refresh();
        return;
    }
    keys_ = keys;
    updating_ = true;
    table_->setRowCount(int(keys_.size()));
    for (int row = 0; row < keys_.size(); ++row) {
        const DatasetResult& d = workspace_->report().datasets.at(std::size_t(row));
        auto* name = new QTableWidgetItem(d.name);
        name->setFlags(Qt::ItemIsEnabled);
        table_->setItem(row, Dataset, name);
        auto* measure = new QComboBox;
        for (ComplexityMeasure m : complexityMeasures()) {
            measure->addItem(complexityMeasureName(m), complexityMeasureName(m));
            const QString name = profileMeasureName(m);
            if (!name.isEmpty())
                measure->setItemData(measure->count() - 1, measureDefinition(name), Qt::ToolTipRole);
        }
        measure->setToolTip(tr("C_JS: Jensen-Shannon complexity (classification); C_H: mean image entropy (detection, "
                               "segmentation): the paper's two. SI, bpp, ID, F1, N1 and CSG need a profile scanned with "
                               "that measure (Complexity tab)."));
        const QString key = d.key;
        connect(measure, &QComboBox::currentIndexChanged, this, [this, measure, key] {
            if (updating_)
                return;
            ReportSettings s = workspace_->settings();
            s.measures.insert(key, *complexityMeasureFromName(measure->currentData().toString()));
            workspace_->setSettings(s);
        });
        table_->setCellWidget(row, Measure, measure);
        for (int c : {Profile, Used}) {
            auto* item = new QTableWidgetItem;
            item->setFlags(Qt::ItemIsEnabled);
            table_->setItem(row, c, item);
        }
        const ComplexityInput* user = userInput(workspace_, key);
        table_->setItem(row, Typed, new QTableWidgetItem(user && user->typed ? formatNumber(*user->typed) : QString()));
        QString note = user ? user->source : QString();
        if (note.startsWith(kTypedPrefix))
            note = note.mid(kTypedPrefix.size());
        auto* noteItem = new QTableWidgetItem(note);
        noteItem->setToolTip(note);
        table_->setItem(row, Note, noteItem);
    }
    updating_ = false;
    refresh();
}

void ComplexityEditorWidget::refresh()
{
    updating_ = true;
    for (int row = 0; row < keys_.size(); ++row) {
        const DatasetResult& d = workspace_->report().datasets.at(std::size_t(row));
        if (auto* measure = qobject_cast<QComboBox*>(table_->cellWidget(row, Measure)))
            measure->setCurrentIndex(measure->findData(d.measure));
        const ComplexityInput* profile = profileInput(workspace_, d.key);
        QTableWidgetItem* p = table_->item(row, Profile);
        if (profile) {
            QString text = QStringLiteral("C_H %1 · C_JS %2")
                               .arg(profile->entropy ? shortNumber(*profile->entropy) : QStringLiteral("—"),
                                    profile->jensenShannon ? shortNumber(*profile->jensenShannon) : QStringLiteral("—"));
            // The chosen measure's value when it is another one.
            const auto chosen = complexityMeasureFromName(d.measure);
            const QString other = chosen ? profileMeasureName(*chosen) : QString();
            if (!other.isEmpty() && other != QLatin1String("entropy"))
                text += QStringLiteral(" · %1 %2").arg(d.measure, profile->measures.contains(other)
                                                                      ? shortNumber(profile->measures.value(other))
                                                                      : QStringLiteral("—"));
            p->setText(text);
            p->setToolTip(profile->source + (profile->jensenShannon ? QString() : QStringLiteral("\nno C_JS: ") + profile->jensenShannonReason));
        } else {
            p->setText(QStringLiteral("—"));
            p->setToolTip(tr("No scanned profile named like this dataset"));
        }
        // The typed cells show the workspace's input; text that is not a number stays (marked)
        // so that the user can correct it, and a note typed before its value is kept.
        const ComplexityInput* user = userInput(workspace_, d.key);
        QTableWidgetItem* typed = table_->item(row, Typed);
        const QString text = typed->text().trimmed();
        const bool typedOk = text.isEmpty() || parseNumber(text);
        if (!typedOk) {
            // kept as typed, marked below
        } else if (user && user->typed) {
            typed->setText(formatNumber(*user->typed));
            QString note = user->source;
            if (note.startsWith(kTypedPrefix))
                note = note.mid(kTypedPrefix.size());
            table_->item(row, Note)->setText(note);
        } else {
            typed->setText(QString());
        }
        typed->setBackground(typedOk ? QBrush() : QBrush(QColor(255, 205, 205)));
        typed->setToolTip(typedOk ? tr("Typed in: used whatever the measure; empty: the profile's value")
                                  : tr("\"%1\" is not a number").arg(text));
        QTableWidgetItem* used = table_->item(row, Used);
        if (d.complexity) {
            used->setText(QStringLiteral("%1 %2").arg(d.measure, shortNumber(*d.complexity)));
            used->setToolTip(d.complexitySource);
            used->setForeground(QBrush());
        } else {
            used->setText(tr("none"));
            used->setToolTip(d.complexityReason);
            used->setForeground(QBrush(Qt::gray));
        }
    }
    updating_ = false;
}

void ComplexityEditorWidget::commit(int row)
{
    const QString key = keys_.value(row);
    const QString text = table_->item(row, Typed)->text().trimmed();
    const QString note = table_->item(row, Note)->text().trimmed();
    const auto value = parseNumber(text);
    if (!text.isEmpty() && !value) {
        refresh(); // marks the cell; nothing changes
        return;
    }
    std::vector<ComplexityInput> inputs;
    for (const ComplexityInput& c : workspace_->userComplexities())
        if (datasetKey(c.dataset) != key)
            inputs.push_back(c);
    if (value)
        inputs.push_back(typedComplexity(workspace_->report().datasets.at(std::size_t(row)).name, *value,
                                         note.isEmpty() ? tr("no source given") : note));
    workspace_->setComplexities(std::move(inputs));
}

void ComplexityEditorWidget::setTyped(const QString& dataset, const QString& value, const QString& note)
{
    const int row = int(keys_.indexOf(datasetKey(dataset)));
    if (row < 0)
        return;
    updating_ = true;
    table_->item(row, Note)->setText(note);
    updating_ = false;
    table_->item(row, Typed)->setText(value); // commits
}

} // namespace nofade::ui
