// Memory at scale without changing a byte of output: a scan can leave Profile::perImage empty and
// hand over every item's outcome in two compact columns instead, and the profile JSON is written
// with its class pairs and per-image rows streamed one at a time. The streamed text must be the
// very text QJsonDocument makes of the whole document.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "scan/scanner.h"
#include "test_support.h"

using namespace nofade;

namespace {

QByteArray wholeDocument(const Profile& p, bool perImage)
{
    return QJsonDocument(profileToJson(p, perImage)).toJson(QJsonDocument::Indented);
}

QByteArray streamed(const Profile& p, bool perImage, const std::function<bool(ImageEntropy&)>& more = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!writeProfileJson(buffer, p, perImage, more))
        return {};
    return bytes;
}

} // namespace

class ProfileStreamingTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<DatasetSource> source_;

    Profile scan(ScanOptions options)
    {
        Feedback feedback;
        return scanDataset(*source_, ProfileSettings{}, options, feedback);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (int c = 0; c < 4; ++c)
            for (int i = 0; i < 3 + c; ++i)
                QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("class%1/img%2.png").arg(c).arg(i)),
                                         test::randomImage(12 + c, 9 + i, 1, std::uint32_t(10 * c + i))));
        QVERIFY(test::writeImage(dir_.filePath(QStringLiteral("root.png")), test::gradientImage(20, 10, 1, 3)));
        QVERIFY(test::writeFile(dir_.filePath(QStringLiteral("class1/broken.png")), "not an image"));
        // A name that is not UTF-8: escaped in the JSON, with path_escaped.
        {
            QFile good(dir_.filePath(QStringLiteral("class2/img0.png")));
            QVERIFY(good.open(QIODevice::ReadOnly));
            const QByteArray bytes = good.readAll();
            std::ofstream odd(std::string(QFile::encodeName(dir_.path()).constData()) + "/class2/odd\xff.png",
                              std::ios::binary);
            odd.write(bytes.constData(), bytes.size());
            QVERIFY(odd.good());
        }
        OpenedDataset d = openDataset(dir_.path());
        QVERIFY2(d.source, qPrintable(d.error));
        source_ = std::move(d.source);
    }

    void streamedTextIsTheWholeDocument()
    {
        const Profile p = scan(ScanOptions{});
        QCOMPARE(p.classes.size(), std::size_t(4));
        QVERIFY(p.jsd().pairs.size() == 6);
        QVERIFY(!p.failed.empty());
        QVERIFY(std::any_of(p.perImage.begin(), p.perImage.end(), [](const ImageEntropy& e) { return e.pathEscaped; }));
        QVERIFY(std::any_of(p.perImage.begin(), p.perImage.end(), [](const ImageEntropy& e) { return e.classIndex < 0; }));
        QCOMPARE(streamed(p, true), wholeDocument(p, true));
        QCOMPARE(streamed(p, false), wholeDocument(p, false));
        QCOMPARE(profileToJsonBytes(p, true), wholeDocument(p, true));
        // No classes, no pairs, no images: the empty arrays stay as QJsonDocument writes them.
        const Profile empty = makeEmptyProfile(ProfileSettings{}, ProfileSource{}, {});
        QCOMPARE(streamed(empty, true), wholeDocument(empty, true));
        // The text is valid JSON that reads back to the same profile.
        QString error;
        const auto back = profileFromJsonBytes(streamed(p, true), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->perImage.size(), p.perImage.size());
    }

    void compactOutcomesGiveTheSameProfileAndRows()
    {
        const Profile kept = scan(ScanOptions{});
        ItemOutcomes outcomes;
        ScanOptions compact;
        compact.keepPerImage = false;
        compact.outcomes = &outcomes;
        const Profile lean = scan(compact);
        QVERIFY(lean.perImage.empty());
        QVERIFY(lean.moments == kept.moments);
        QVERIFY(lean.fine == kept.fine);
        QCOMPARE(lean.failed.size(), kept.failed.size());
        QCOMPARE(std::int64_t(outcomes.entropy.size()), source_->itemCount());
        QCOMPARE(outcomes.classIndex.size(), outcomes.entropy.size());
        std::size_t analysed = 0;
        for (std::int64_t i = 0; i < source_->itemCount(); ++i)
            analysed += outcomes.analysed(i) ? 1 : 0;
        QCOMPARE(analysed, kept.perImage.size());
        for (const ImageEntropy& e : kept.perImage) {
            QVERIFY(outcomes.analysed(e.index));
            QCOMPARE(outcomes.entropy[std::size_t(e.index)], e.entropy);
            QCOMPARE(outcomes.classIndex[std::size_t(e.index)], e.classIndex);
        }
        // Rows streamed from the columns (paths from the source) give the same bytes.
        std::int64_t next = 0;
        const auto more = [&](ImageEntropy& row) {
            while (next < source_->itemCount() && !outcomes.analysed(next))
                ++next;
            if (next >= source_->itemCount())
                return false;
            const PathText path = source_->itemPath(next);
            row = {next, path.text, path.escaped, outcomes.classIndex[std::size_t(next)],
                   outcomes.entropy[std::size_t(next)]};
            ++next;
            return true;
        };
        QCOMPARE(streamed(lean, true, more), wholeDocument(kept, true));
    }
};

QTEST_GUILESS_MAIN(ProfileStreamingTest)
#include "test_profile_streaming.moc"
