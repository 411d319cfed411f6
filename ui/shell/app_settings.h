#pragma once
// What the application remembers between sessions (QSettings): the analysis settings, the recent
// datasets and whether the first-start example was offered. Window geometry and dock layout are
// saved by MainWindow with the same QSettings.
#include <QStringList>

#include "dataset_state/scan_controller.h"

namespace nofade::ui {

class AppSettings {
public:
    static ScanSettings scanSettings();
    static void setScanSettings(const ScanSettings& settings);

    static QStringList recentDatasets();
    static void addRecentDataset(const QString& path);
    static void clearRecentDatasets();
    static constexpr int kMaxRecent = 10;

    static bool firstStartDone();
    static void setFirstStartDone(bool done);

    // Where the file choosers start.
    static QString lastDirectory();
    static void setLastDirectory(const QString& dir);
};

} // namespace nofade::ui
