// Memory at scale without changing a byte of output: a scan can leave Profile::perImage empty and
// hand over every item's outcome in two compact columns instead, and the profile JSON is written
// with its class pairs and per-image rows streamed one at a time. The streamed text must be the
// very text QJsonDocument makes of the whole document.
#include <algorithm>
#include <bit>
#include <cmath>
#include <fstream>
#include <random>
#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "datasets/dataset_opener.h"
#include "profile/profile_json.h"
#include "profile/profile_json_reader.h"
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

// The reader of the whole document: QJsonDocument, then profileFromJson.
std::optional<Profile> documentPath(const QByteArray& bytes, QString* error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("JSON: ") + parseError.errorString();
        return std::nullopt;
    }
    return profileFromJson(doc.object(), error);
}

std::optional<Profile> streamPath(const QByteArray& bytes, QString* error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readProfileJson(buffer, error);
}

// Everything the profile writes out, and the per-image rows field by field (entropies by bits).
bool sameProfile(const Profile& a, const Profile& b)
{
    if (profileToJsonBytes(a, true) != profileToJsonBytes(b, true) || a.perImage.size() != b.perImage.size()
        || a.sample.has_value() != b.sample.has_value() || a.measures.has_value() != b.measures.has_value())
        return false;
    for (std::size_t i = 0; i < a.perImage.size(); ++i) {
        const ImageEntropy& x = a.perImage[i];
        const ImageEntropy& y = b.perImage[i];
        if (x.index != y.index || x.path != y.path || x.pathEscaped != y.pathEscaped || x.classIndex != y.classIndex
            || std::bit_cast<std::uint64_t>(x.entropy) != std::bit_cast<std::uint64_t>(y.entropy))
            return false;
    }
    return true;
}

// Where the value of `field` in per-image row `row` of an indented profile starts and ends.
std::pair<qsizetype, qsizetype> rowValue(const QByteArray& text, int row, const QByteArray& field)
{
    qsizetype at = text.indexOf("\"per_image\": [");
    for (int r = 0; r <= row && at >= 0; ++r)
        at = text.indexOf(QByteArray("\"" + field + "\": "), at + 1);
    if (at < 0)
        return {-1, -1};
    const qsizetype start = at + field.size() + 4;
    qsizetype end = start;
    while (end < text.size() && text[end] != ',' && text[end] != '\n')
        ++end;
    return {start, end};
}

QByteArray withRowValue(QByteArray text, int row, const QByteArray& field, const QByteArray& value)
{
    const auto [start, end] = rowValue(text, row, field);
    return start < 0 ? QByteArray() : text.replace(start, end - start, value);
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

    // The reader that never holds the document gives the profile the document path gives, for
    // every shape of profile text: indented or compact, rows first, escapes in the paths.
    void readerGivesTheDocumentPathsProfile()
    {
        const Profile p = scan(ScanOptions{});
        QVERIFY(p.perImage.size() > 10);
        const Profile unlabelled = makeEmptyProfile(ProfileSettings{}, ProfileSource{}, {});
        Profile many = p; // more rows than the reader reads before it reserves room for the rest
        for (int copy = 0; many.perImage.size() < 3000; ++copy)
            for (ImageEntropy row : p.perImage) {
                row.index += std::int64_t(p.perImage.size()) * (copy + 1);
                many.perImage.push_back(row);
            }
        const QByteArray indented = profileToJsonBytes(p, true);
        const QJsonObject object = QJsonDocument::fromJson(indented).object();
        QByteArray rowsFirst = "{\"per_image\":" + QJsonDocument(object.value(QStringLiteral("per_image")).toArray()).toJson();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != QLatin1String("per_image"))
                rowsFirst += ",\n\"" + it.key().toUtf8() + "\": "
                             + QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
        rowsFirst += "}";
        const QByteArray escaped = withRowValue(indented, 3, "path", "\"d\\u00e9j\\u00E0\\/\\ud83d\\ude00 \\\"q\\\"\\\\\\t.png\"");
        const struct {
            const char* name;
            QByteArray text;
        } cases[] = {
            {"indented", indented},
            {"compact", QJsonDocument(object).toJson(QJsonDocument::Compact)},
            {"without rows", profileToJsonBytes(p, false)},
            {"rows first", rowsFirst},
            {"escapes in a path", escaped},
            {"escapes and control characters as leniently as Qt", withRowValue(indented, 5, "path", "\"a\\x\\q\x01.png\"")},
            {"numbers as leniently as Qt", withRowValue(withRowValue(indented, 2, "entropy", "7.e0"), 4, "index", "4.000")},
            {"no classes, no rows", profileToJsonBytes(unlabelled, true)},
            {"3,000 rows", profileToJsonBytes(many, true)},
        };
        for (const auto& c : cases) {
            QString oldError, newError;
            const auto old = documentPath(c.text, &oldError);
            QVERIFY2(old, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), oldError)));
            const auto streamed = streamPath(c.text, &newError);
            QVERIFY2(streamed, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), newError)));
            QVERIFY2(sameProfile(*old, *streamed), c.name);
        }
        QString error;
        const auto fromEscapes = streamPath(escaped, &error);
        QVERIFY2(fromEscapes, qPrintable(error));
        QCOMPARE(fromEscapes->perImage[3].path, QStringLiteral("d\u00e9j\u00e0/\U0001F600 \"q\"\\\t.png"));
        // The rows are the scan's own, bit for bit.
        const auto back = streamPath(indented, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(sameProfile(*back, p));
    }

    // A bad row is named by its position and field as the document path names it; bad text by
    // its byte in the file, inside the rows and inside the class pairs alike.
    void readerNamesTheRowOrTheByte()
    {
        const QByteArray good = profileToJsonBytes(scan(ScanOptions{}), true);
        const struct {
            const char* name;
            QByteArray text;
            QString error;
        } rows[] = {
            {"entropy a string", withRowValue(good, 4, "entropy", "\"7.5\""), QStringLiteral("per_image[4].entropy: missing or not a number")},
            {"index negative", withRowValue(good, 2, "index", "-1"), QStringLiteral("per_image[2].index: missing or not a whole number >= 0")},
            {"index fractional", withRowValue(good, 6, "index", "2.5"), QStringLiteral("per_image[6].index: missing or not a whole number >= 0")},
            {"path a number", withRowValue(good, 5, "path", "12"), QStringLiteral("per_image[5].path: missing or not a string")},
            {"unknown class", withRowValue(good, 7, "class", "\"no such class\""), QStringLiteral("per_image[7].class: names no class of this profile")},
        };
        for (const auto& c : rows) {
            QVERIFY2(!c.text.isEmpty(), c.name);
            QString oldError, newError;
            QVERIFY2(!documentPath(c.text, &oldError), c.name);
            QVERIFY2(!streamPath(c.text, &newError), c.name);
            QCOMPARE(oldError, c.error);
            QCOMPARE(newError, c.error);
        }
        // Broken text: the byte where it breaks.
        const qsizetype inRows = rowValue(good, 3, "entropy").first;
        const qsizetype inPairs = good.indexOf("\"distance\": ") + 12;
        QVERIFY(inRows > 0 && inPairs > 12);
        const auto broken = [&](qsizetype at, const QByteArray& what) -> QByteArray {
            const qsizetype end = std::min(good.indexOf(',', at), good.indexOf('\n', at));
            return good.left(at) + what + good.mid(end);
        };
        for (const auto& [at, what, offset] : {std::tuple{inRows, QByteArray("@"), 0}, std::tuple{inPairs, QByteArray("tru"), 3},
                                               std::tuple{inRows, QByteArray("1e+"), 3}, std::tuple{inPairs, QByteArray("-"), 1}}) {
            const QByteArray bad = broken(at, what);
            QString error;
            QVERIFY(!documentPath(bad, &error));
            QVERIFY(!streamPath(bad, &error));
            QVERIFY2(error.startsWith(QStringLiteral("not valid JSON at byte %1:").arg(at + offset)), qPrintable(error));
        }
        // Cut inside the rows: the end of the text.
        const QByteArray cut = good.left(rowValue(good, 5, "path").first + 4);
        QString error;
        QVERIFY(!streamPath(cut, &error));
        QVERIFY2(error.startsWith(QStringLiteral("not valid JSON at byte %1:").arg(cut.size())), qPrintable(error));
        // A path that is not UTF-8 is refused, as QJsonDocument refuses it.
        QByteArray latin1 = withRowValue(good, 1, "path", "\"caf\xe9.png\"");
        QVERIFY(!documentPath(latin1, &error));
        QVERIFY(!streamPath(latin1, &error));
        QVERIFY2(error.contains(QLatin1String("UTF-8")), qPrintable(error));
        // A class pair without its colon.
        QByteArray colon = good;
        const qsizetype name = good.indexOf("\"a\": \"");
        colon.replace(name, 6, "\"a\" \"");
        QVERIFY(!documentPath(colon, &error));
        QVERIFY(!streamPath(colon, &error));
        QVERIFY2(error.startsWith(QStringLiteral("not valid JSON at byte %1:").arg(name + 4)), qPrintable(error));
    }

    // Seeded single-byte edits anywhere in the text: both readers accept the same texts and read
    // the same profile from them (the streaming reader is exactly as lenient as QJsonDocument).
    void readersAgreeOnEditedTexts()
    {
        const QByteArray good = QJsonDocument(profileToJson(scan(ScanOptions{}), true)).toJson(QJsonDocument::Compact);
        std::mt19937 rng(17);
        const QByteArray alphabet = QByteArrayLiteral("\t\r\v\f{}[]:,\"\\ -+.eE0123456789tfnulx\x01\xc3\xa9\xff");
        int accepted = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = good;
            const qsizetype at = qsizetype(rng() % std::uint32_t(text.size()));
            const char c = alphabet[qsizetype(rng() % std::uint32_t(alphabet.size()))];
            switch (rng() % 3) {
            case 0: text[at] = c; break;
            case 1: text.insert(at, c); break;
            default: text.remove(at, 1); break;
            }
            QString oldError, newError;
            const auto old = documentPath(text, &oldError);
            const auto streamed = streamPath(text, &newError);
            QVERIFY2(old.has_value() == streamed.has_value(),
                     qPrintable(QStringLiteral("edit at byte %1: document path %2, streaming reader %3")
                                    .arg(at).arg(old ? QStringLiteral("accepts") : oldError, streamed ? QStringLiteral("accepts") : newError)
                                + QString::fromLatin1(text.mid(std::max<qsizetype>(0, at - 30), 60).toPercentEncoding(" {}[]:,\"-+.")) ));
            if (old) {
                QVERIFY2(sameProfile(*old, *streamed), qPrintable(QStringLiteral("edit at byte %1").arg(at)));
                ++accepted;
            } else if (!oldError.startsWith(QLatin1String("JSON: "))) {
                QCOMPARE(newError, oldError); // valid JSON with a bad field: named the same way
            }
        }
        QVERIFY(accepted > 100);
    }
};

QTEST_GUILESS_MAIN(ProfileStreamingTest)
#include "test_profile_streaming.moc"
