#include "shell/app_settings.h"

#include <QSettings>

#include "complexity/measure_names.h"

namespace nofade::ui {

ScanSettings AppSettings::scanSettings()
{
    QSettings s;
    ScanSettings out;
    s.beginGroup(QStringLiteral("analysis"));
    out.profile.gray = grayModeFromName(s.value(QStringLiteral("gray")).toString()).value_or(GrayMode::Exact);
    out.profile.classModel =
        classModelFromName(s.value(QStringLiteral("classModel")).toString()).value_or(ClassModel::Histogram);
    const int bins = s.value(QStringLiteral("bins"), 64).toInt();
    out.profile.bins = bins >= 1 && bins <= ProfileSettings::kMaxBins ? bins : 64;
    const int minClass = s.value(QStringLiteral("minClassImages"), 1).toInt();
    out.profile.minClassImages = minClass >= 1 ? minClass : 1;
    out.threads = std::max(0, s.value(QStringLiteral("threads"), 0).toInt());
    QString ignored;
    // An INI file may hold the list unquoted, which QSettings reads back as a list.
    const QVariant measures = s.value(QStringLiteral("measures"), QStringLiteral("entropy"));
    const QString text = measures.typeId() == QMetaType::QStringList ? measures.toStringList().join(QLatin1Char(','))
                                                                     : measures.toString();
    if (const auto names = parseMeasureList(text, &ignored))
        out.measures.names = *names;
    const qint64 perClass = s.value(QStringLiteral("measuresPerClass"), qint64(MeasureSettings::kDefaultPerClass)).toLongLong();
    out.measures.perClass = perClass >= 0 ? perClass : MeasureSettings::kDefaultPerClass;
    const int replicates = s.value(QStringLiteral("measuresReplicates"), MeasureSettings::kDefaultReplicates).toInt();
    out.measures.replicates = replicates >= 1 && replicates <= MeasureSettings::kMaxReplicates ? replicates
                                                                                              : MeasureSettings::kDefaultReplicates;
    s.endGroup();
    return out;
}

void AppSettings::setScanSettings(const ScanSettings& settings)
{
    QSettings s;
    s.beginGroup(QStringLiteral("analysis"));
    s.setValue(QStringLiteral("gray"), grayModeName(settings.profile.gray));
    s.setValue(QStringLiteral("classModel"), classModelName(settings.profile.classModel));
    s.setValue(QStringLiteral("bins"), settings.profile.bins);
    s.setValue(QStringLiteral("minClassImages"), settings.profile.minClassImages);
    s.setValue(QStringLiteral("threads"), settings.threads);
    s.setValue(QStringLiteral("measures"), settings.measures.names.join(QLatin1Char(',')));
    s.setValue(QStringLiteral("measuresPerClass"), qint64(settings.measures.perClass));
    s.setValue(QStringLiteral("measuresReplicates"), settings.measures.replicates);
    s.endGroup();
}

QStringList AppSettings::recentDatasets()
{
    return QSettings().value(QStringLiteral("recentDatasets")).toStringList();
}

void AppSettings::addRecentDataset(const QString& path)
{
    QStringList list = recentDatasets();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(QStringLiteral("recentDatasets"), list);
}

void AppSettings::clearRecentDatasets() { QSettings().remove(QStringLiteral("recentDatasets")); }

bool AppSettings::firstStartDone() { return QSettings().value(QStringLiteral("firstStartDone"), false).toBool(); }

void AppSettings::setFirstStartDone(bool done) { QSettings().setValue(QStringLiteral("firstStartDone"), done); }

QString AppSettings::lastDirectory() { return QSettings().value(QStringLiteral("lastDirectory")).toString(); }

void AppSettings::setLastDirectory(const QString& dir) { QSettings().setValue(QStringLiteral("lastDirectory"), dir); }

} // namespace nofade::ui
