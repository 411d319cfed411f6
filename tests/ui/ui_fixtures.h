#pragma once
// Test fixtures made at test time: image folders (ImageFolder layout, one sub-folder per class);
// and finding the main window's parts by object name.
#include <memory>
#include <QObject>
#include <QString>
#include <QStringList>

#include "profile/profile.h"

namespace nofade {
class ModelTable;
}
namespace nofade::ui {
class DatasetStore;
}

namespace nofade::uitest {

// Waits (running the event loop) until the report of `store` (a ModelStore, or a main window:
// its "modelStore") is the one of its current table and settings: the report is built on a
// worker thread. False on timeout.
bool waitForReport(const QObject* store, int timeoutMs = 60000);

// Appends "my-run", an ImageNet run of the user's with measured energy and CO2 (10 kWh, 2.5 kg, as
// imported from CodeCarbon), to `table`; its row.
int appendMeasuredRun(ModelTable& table);

// Writes the first `count` Fashion-MNIST test images (t10k) as PNGs into class sub-folders of `dir`.
// Returns the number written (0 when the dataset package is missing), `error` says why.
int writeFashionMnistPngs(const QString& dir, int count, QString* error);

// Writes images whose greyscale entropy is known exactly: image k of class c has 2^(bits) equally
// frequent grey levels, so H = bits. Returns the sum of the entropies written.
double writeKnownEntropyImage(const QString& file, int bits, int side = 32);

// A three-class folder whose numbers are worked out by hand: classes low {1, 1, 2, 2 bits},
// mid {2, 5}, high {5, 5, 6, 6} and one broken file (high/broken.png). C_H = 35 / 10 = 3.5 bits;
// JS distances low-mid = mid-high = sqrt(0.5), low-high = 1, so C_JS = ln(1 + 2 sqrt(0.5)) = 0.881374.
// Returns whether every file was written.
bool writeKnownDataset(const QString& root);

// A scanned profile without images on disk: class c has `perClass` images (per-image entropies
// included) whose entropies lie in a band that rises with c, so that the classes differ. Class
// names are `names` when given, else "class0000", "class0001", ...
std::shared_ptr<Profile> makeClassProfile(int classes, int perClass, const QStringList& names = {});

// Adds `profile` to `store` as a finished scan would (with its class distances); its id.
int addScannedProfile(ui::DatasetStore* store, const QString& name, std::shared_ptr<Profile> profile);

// The part of `root` (the main window) of type T named `name`; the test aborts when there is none.
inline const QObject* asObject(const QObject* o) { return o; }
inline const QObject* asObject(const QObject& o) { return &o; }
template <typename P>
const QObject* asObject(const std::unique_ptr<P>& o)
{
    return o.get();
}
template <typename T, typename Root>
T* part(const Root& root, const char* name)
{
    T* found = asObject(root)->template findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("the main window has no part named %s", name);
    return found;
}

// Isolates QSettings and the session cache of a test from the user's.
void isolateSettings();

} // namespace nofade::uitest
