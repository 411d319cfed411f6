#include "dataset_list/dataset_table_model.h"

#include <cmath>
#include <QBrush>
#include <QFont>
#include <QLocale>

#include "dataset_list/sample_estimate_text.h"
#include "dataset_state/shard_folder_controller.h"

namespace nofade::ui {

namespace {
QString bits(double v, int decimals = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}
} // namespace

DatasetTableModel::DatasetTableModel(DatasetStore* store, QObject* parent) : QAbstractTableModel(parent), store_(store)
{
    connect(store_, &DatasetStore::aboutToAdd, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(store_, &DatasetStore::added, this, [this](int) { endInsertRows(); });
    connect(store_, &DatasetStore::aboutToRemove, this, [this](int id) {
        const int row = store_->rowOf(id);
        beginRemoveRows({}, row, row);
    });
    connect(store_, &DatasetStore::removed, this, [this](int) { endRemoveRows(); });
    connect(store_, &DatasetStore::changed, this, [this](int id, DatasetStore::Changes changes) {
        const int row = store_->rowOf(id);
        if (changes == DatasetStore::ProgressChanged)
            Q_EMIT dataChanged(index(row, State), index(row, State));
        else
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : store_->count(); }

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int DatasetTableModel::idAt(int row) const { return row >= 0 && row < store_->count() ? store_->at(row).id : 0; }

QString DatasetTableModel::progressText(const DatasetEntry& e)
{
    const ScanProgress& p = e.progress;
    if (!e.shardFolder.isEmpty()) // a job array's shards, arriving
        return e.profile ? shardProgressText(*e.profile) + (e.state == DatasetState::Loaded ? QString() : QStringLiteral(" · watching"))
                         : QStringLiteral("waiting for shards…");
    if (e.state == DatasetState::Scanning || e.state == DatasetState::Cancelling) {
        if (p.total <= 0)
            return e.state == DatasetState::Cancelling ? QStringLiteral("cancelling…") : QStringLiteral("opening…");
        const QLocale l;
        QString text = p.step == ScanStep::Interval
                           ? intervalProgressText(p.done, p.total, duration(p.etaSeconds))
                       : p.step == ScanStep::Measures
                           ? QStringLiteral("complexity measures · %1 / %2 replicate steps · ETA %3")
                                 .arg(l.toString(qlonglong(p.done)), l.toString(qlonglong(p.total)), duration(p.etaSeconds))
                           : QStringLiteral("%1 / %2 · %3 img/s · ETA %4")
                                 .arg(l.toString(qlonglong(p.done)), l.toString(qlonglong(p.total)),
                                      l.toString(p.imagesPerSecond, 'f', 0), duration(p.etaSeconds));
        if (e.state == DatasetState::Cancelling)
            text.prepend(QStringLiteral("cancelling · "));
        return text;
    }
    if (e.state == DatasetState::Failed)
        return QStringLiteral("failed: %1").arg(e.error);
    if (e.state == DatasetState::Partial && e.profile && e.profile->sample)
        return QStringLiteral("quick estimate (sample)");
    return stateText(e.state);
}

QVariant DatasetTableModel::display(const DatasetEntry& e, int column) const
{
    const Profile* p = e.profile.get();
    const QLocale l;
    switch (column) {
    case Name: return e.name;
    case Task: return taskName(e.task);
    case Measure:
        // A measure the profile has no value of stays chosen (a re-scan may add it), marked.
        return e.missingMeasureReason(e.measure).isEmpty() ? measureName(e.measure) : measureName(e.measure) + QStringLiteral(" ⚠");
    case Images: return p ? l.toString(qlonglong(p->images())) : QString();
    case Classes: return p ? QVariant(int(p->classes.size())) : (e.source ? QVariant(int(e.source->classNames().size())) : QVariant());
    case MeanStd:
        return p && p->images() ? QStringLiteral("%1 ± %2").arg(bits(p->moments.mean()), bits(p->moments.stdDev()))
                                : QString();
    case CH:
        if (p && p->sample)
            return meanEstimateText(*p);
        return p && p->images() ? bits(p->entropyComplexity(), 4) : QString();
    case CJS:
        if (!p)
            return QString();
        if (p->sample)
            return jsEstimateText(*p);
        if (!p->labelled())
            return tr("n/a"); // no classes: not applicable (the tooltip says why)
        if (e.jsd && e.jsd->complexity)
            // A negative C_JS is a real value with a reason (ln of a sum below 1): flagged, explained in the tooltip.
            return QString(bits(*e.jsd->complexity, 4) + (*e.jsd->complexity < 0.0 ? QStringLiteral(" ⚠") : QString()));
        return QStringLiteral("–");
    case Failures: return p ? l.toString(qlonglong(p->failedItems())) : QString();
    case State: return progressText(e);
    default: return {};
    }
}

QVariant DatasetTableModel::tooltip(const DatasetEntry& e, int column) const
{
    const Profile* p = e.profile.get();
    switch (column) {
    case Name: return QStringLiteral("%1\n%2 (%3)").arg(e.name, e.path, datasetFormatName(p ? p->source.format : e.format));
    case MeanStd: return tr("Mean ± population standard deviation of the per-image entropies, bits");
    case Measure: {
        const QString why = e.missingMeasureReason(e.measure);
        if (!why.isEmpty())
            return tr("NoFADE uses %1, but this dataset has no %1 value: %2").arg(measureName(e.measure), why);
        if (const auto v = e.complexity())
            return tr("NoFADE uses %1 = %2").arg(measureName(e.measure)).arg(*v, 0, 'g', 6);
        return tr("NoFADE uses %1 once the dataset is scanned").arg(measureName(e.measure));
    }
    case CH:
        if (p && p->sample)
            return tr("C_H estimated from a sample: %1\n%2").arg(meanEstimateText(*p), sampleDescription(*p));
        return tr("C_H: the mean per-image entropy, bits");
    case CJS:
        if (p && p->sample)
            return p->sample->estimate.js ? tr("C_JS estimated from a sample: %1\n%2").arg(jsEstimateText(*p), sampleDescription(*p))
                                          : tr("No C_JS: %1").arg(p->sample->estimate.jsReason);
        if (e.jsd && !e.jsd->complexity)
            return tr("No C_JS: %1").arg(e.jsd->reason);
        if (!e.jsd)
            return QVariant();
        if (const QString why = negativeComplexityReason(*e.jsd); !why.isEmpty())
            return tr("C_JS = ln(%1), the sum of %2 pairwise JS distances, is negative: %3")
                .arg(e.jsd->sum, 0, 'f', 6).arg(e.jsd->pairs.size()).arg(why);
        return tr("C_JS = ln(%1), the sum of %2 pairwise JS distances").arg(e.jsd->sum, 0, 'f', 6).arg(e.jsd->pairs.size());
    case Failures: return p && p->failedItems() ? tr("Click to see the files that could not be used, and why") : QVariant();
    case State: {
        QString t = progressText(e);
        if (!e.warnings.isEmpty())
            t += QLatin1Char('\n') + e.warnings.join(QLatin1Char('\n'));
        if (p && p->sample)
            t += QLatin1Char('\n') + sampleDescription(*p);
        if (!e.shardFolder.isEmpty())
            t += tr("\nMerged from the shard profiles in %1, updated as they arrive").arg(e.shardFolder);
        else if (p && !p->complete)
            t += tr("\nThe profile holds only the images analysed before the cancel. Re-scan to complete it.");
        return t;
    }
    default: return {};
    }
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= store_->count())
        return {};
    const DatasetEntry& e = store_->at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(e, index.column());
    case Qt::EditRole:
        if (index.column() == Name)
            return e.name;
        return display(e, index.column());
    case Qt::ToolTipRole: return tooltip(e, index.column());
    case Qt::DecorationRole: return index.column() == Name ? QVariant(e.colour) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= Images && index.column() <= Failures ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == State && e.state == DatasetState::Failed)
            return QBrush(Qt::darkRed);
        if (index.column() == Failures && e.profile && e.profile->failedItems() > 0)
            return QBrush(QColor(0xB0, 0x40, 0x00));
        return {};
    case Qt::FontRole:
        if (index.column() == Failures && e.profile && e.profile->failedItems() > 0) {
            QFont f;
            f.setUnderline(true);
            return f;
        }
        return {};
    case IdRole: return e.id;
    case ProgressRole:
        if ((e.state == DatasetState::Scanning || e.state == DatasetState::Cancelling) && e.progress.total > 0)
            return double(e.progress.done) / double(e.progress.total);
        if (!e.shardFolder.isEmpty() && e.profile && e.state != DatasetState::Loaded && e.profile->source.shardCount > 0)
            return double(e.profile->source.shards.size()) / double(e.profile->source.shardCount);
        return -1.0;
    case ChoicesRole:
        if (index.column() == Task)
            return QStringList{taskName(DatasetTask::Classification), taskName(DatasetTask::Detection),
                               taskName(DatasetTask::Segmentation)};
        if (index.column() == Measure) {
            QStringList all;
            for (ComplexityMeasure m : complexityMeasures())
                all << measureName(m);
            return all;
        }
        return {};
    case UnavailableChoicesRole:
        if (index.column() == Measure) {
            // The measures the dataset's profile has no value of, and why (C_JS and C_H can be
            // chosen before a scan: every scan computes them).
            QVariantMap out;
            for (ComplexityMeasure m : complexityMeasures())
                if (const QString why = e.missingMeasureReason(m); !why.isEmpty())
                    out.insert(measureName(m), why);
                else if (!e.profile && m != ComplexityMeasure::Entropy && m != ComplexityMeasure::JensenShannon)
                    out.insert(measureName(m), tr("not scanned yet: scan the dataset with this measure ticked under "
                                                  "Complexity measures (Edit ▸ Settings…)"));
            return out;
        }
        return {};
    default: return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static const char* const names[] = {"Name", "Task", "Measure", "Images", "Classes", "Entropy (bits)",
                                        "C_H", "C_JS", "Failures", "State"};
    if (role == Qt::DisplayRole && section >= 0 && section < ColumnCount)
        return tr(names[section]);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Measure: return tr("The complexity used for NoFADE: the paper's C_JS (classification) or C_H (detection, "
                                "segmentation), or another measure the dataset's scan computed (SI, bpp, ID, F1, N1, CSG: "
                                "Complexity tab)");
        case MeanStd: return tr("Mean ± std of the per-image greyscale Shannon entropy");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags DatasetTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Name || index.column() == Task || index.column() == Measure)
        f |= Qt::ItemIsEditable;
    return f;
}

bool DatasetTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const int id = idAt(index.row());
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name:
        if (text.isEmpty())
            return false;
        store_->update(id, DatasetStore::MetaChanged, [&](DatasetEntry& e) { e.name = text; });
        return true;
    case Task: {
        const auto t = taskFromName(text);
        if (!t)
            return false;
        store_->update(id, DatasetStore::MetaChanged, [&](DatasetEntry& e) {
            if (e.task != *t)
                e.measure = defaultMeasureFor(*t);
            e.task = *t;
        });
        Q_EMIT measureChosen(id);
        return true;
    }
    case Measure: {
        const auto m = complexityMeasureFromName(text);
        if (!m)
            return false;
        store_->update(id, DatasetStore::MetaChanged, [&](DatasetEntry& e) { e.measure = *m; });
        Q_EMIT measureChosen(id);
        return true;
    }
    default: return false;
    }
}

} // namespace nofade::ui
