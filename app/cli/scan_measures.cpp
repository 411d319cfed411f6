#include "scan_measures.h"

#include <algorithm>
#include <cmath>

#include "complexity/measure_names.h"

namespace nofade::cli {

void ScanMeasures::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({measures_, sample_, replicates_});
}

bool ScanMeasures::read(const QCommandLineParser& parser, bool hasCache, QString* error)
{
    requested_ = parser.isSet(measures_);
    if (!requested_) {
        if (parser.isSet(sample_) || parser.isSet(replicates_)) {
            *error = QStringLiteral("--measures-sample and --measures-replicates need --measures");
            return false;
        }
        return true;
    }
    const auto names = parseMeasureList(parser.value(measures_), error);
    if (!names) {
        *error = QStringLiteral("--measures: %1").arg(*error);
        return false;
    }
    settings_.names = *names;
    const QString sample = parser.value(sample_).trimmed();
    if (sample == QLatin1String("all")) {
        settings_.perClass = 0;
    } else {
        bool ok = false;
        settings_.perClass = sample.toLongLong(&ok);
        if (!ok || settings_.perClass < 1) {
            *error = QStringLiteral("--measures-sample must be a whole number >= 1 or all (got \"%1\")").arg(sample);
            return false;
        }
    }
    bool ok = false;
    settings_.replicates = parser.value(replicates_).toInt(&ok);
    if (!ok || settings_.replicates < 1 || settings_.replicates > MeasureSettings::kMaxReplicates) {
        *error = QStringLiteral("--measures-replicates must be a whole number from 1 to %1").arg(MeasureSettings::kMaxReplicates);
        return false;
    }
    const bool datasetMeasures = std::any_of(settings_.names.begin(), settings_.names.end(), isDatasetMeasure);
    if (parser.isSet(QStringLiteral("sample")) && datasetMeasures) {
        *error = QStringLiteral("--measures id, f1, n1 and csg draw their own sample (--measures-sample): give them "
                                "without --sample (entropy, si and bpp can be measured on a --sample)");
        return false;
    }
    if ((hasCache || parser.isSet(QStringLiteral("resume"))) && settings_.names != QStringList{QStringLiteral("entropy")}) {
        *error = QStringLiteral("--measures beyond entropy cannot be combined with --cache or --resume (images taken "
                                "from there are not decoded again, so they could not be measured)");
        return false;
    }
    return true;
}

QString ScanMeasures::summary(const Profile& profile) const
{
    if (!profile.measures)
        return {};
    QString s;
    for (const MeasureValue& v : profile.measures->values) {
        QString line = QStringLiteral("Measure     %1").arg(v.name, -8);
        if (!v.value) {
            line += QStringLiteral("none: %1").arg(v.reason);
        } else {
            line += QString::number(*v.value, 'g', 6);
            if (v.interval)
                line += QStringLiteral(" (95% interval %1 to %2 over %3 replicates)")
                            .arg(QString::number(v.interval->low, 'g', 6), QString::number(v.interval->high, 'g', 6))
                            .arg(v.replicates.size());
            line += QStringLiteral(", %1 images").arg(v.sample);
        }
        s += line + QLatin1Char('\n');
    }
    return s;
}

} // namespace nofade::cli
