// The model table: RFC 4180 parsing, an exact round trip, and per-cell validation that names the
// row, the column and the reason, on inputs generated here (BOM, CRLF, quoted newlines, wrong
// types, missing columns, 10,000 rows).
#include "timing_slack.h"
#include <QElapsedTimer>
#include <QtTest>

#include "models/bundled_data.h"
#include "models/csv_document.h"
#include "models/hardware_table.h"
#include "models/model_table.h"

using namespace nofade;

namespace {

const QByteArray kHeader = "model,task,dataset,metric,score,compute,compute_unit,device,device_hours,hours_provenance,source";

ModelTable load(const QByteArray& bytes, const HardwareTable* hardware = nullptr)
{
    ModelTableOptions options;
    options.hardware = hardware;
    return ModelTable::fromCsv(bytes, QStringLiteral("t.csv"), options);
}

// The first error of a row's column, or an empty string.
QString errorAt(const ModelTable& table, int row, const QString& column)
{
    for (const TableIssue& issue : table.issues())
        if (issue.row == row && issue.column == column && issue.severity == TableIssue::Severity::Error)
            return issue.reason;
    return {};
}

HardwareTable smallHardware()
{
    QStringList errors;
    return HardwareTable::fromCsv("name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
                                  "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100;Tesla V100-SXM2-16GB\n",
                                  QStringLiteral("hw.csv"), &errors);
}

} // namespace

class ModelTableTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesQuotedFieldsAndLineEndings()
    {
        const CsvDocument doc = parseCsv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,row,end");
        QVERIFY(doc.problems.isEmpty());
        QCOMPARE(doc.records.size(), 3);
        QCOMPARE(doc.records[0].cell(1), QStringLiteral("b,c"));
        QCOMPARE(doc.records[0].cell(2), QStringLiteral("say \"hi\""));
        QCOMPARE(doc.records[0].terminator, QStringLiteral("\r\n"));
        QCOMPARE(doc.records[1].cell(0), QStringLiteral("two\nlines"));
        QCOMPARE(doc.records[1].cells.size(), 3); // trailing empty cell
        QCOMPARE(doc.records[1].line, 2);
        QCOMPARE(doc.records[2].line, 4);         // the quoted newline took a line
        QCOMPARE(doc.records[2].terminator, QString());
    }

    void roundTripIsExact_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain LF") << QByteArray(kHeader + "\nA,classification,ImageNet,top1,80,4.1,GFLOPs,,,,paper\n");
        QTest::newRow("BOM + CRLF") << QByteArray("\xEF\xBB\xBF" + kHeader + "\r\nA,classification,ImageNet,top1,80,4.1,GFLOPs,,,,p\r\n");
        QTest::newRow("quoted newline, quotes, commas")
            << QByteArray(kHeader + "\n\"Net \"\"X\"\"\",classification,ImageNet,top1,80,4,GMACs,,,,\"a, b\nc\"\n");
        QTest::newRow("needless quotes kept") << QByteArray(kHeader + "\n\"A\",\"classification\",ImageNet,top1,\"80\",,,,,,\n");
        QTest::newRow("no final newline + blank line")
            << QByteArray(kHeader + "\n\nA,classification,ImageNet,top1,80,,,,,,");
        QTest::newRow("unknown columns") << QByteArray("model,my_flag,task,dataset,score,extra note\nA,yes,detection,COCO,40,\"keep, me\"\n");
        QTest::newRow("mixed endings") << QByteArray(kHeader + "\r\nA,detection,COCO,mAP,40,,,,,,\nB,detection,COCO,mAP,41,,,,,,\r\n");
    }

    void roundTripIsExact()
    {
        QFETCH(QByteArray, bytes);
        const ModelTable table = load(bytes);
        QCOMPARE(table.toCsv(), bytes);
    }

    void unknownColumnsAreKept()
    {
        const ModelTable table = load("model,my_flag,task,dataset,score,extra note\nA,yes,detection,COCO,40,x\n");
        QCOMPARE(table.unknownColumns(), (QStringList{QStringLiteral("my_flag"), QStringLiteral("extra note")}));
        QCOMPARE(table.csv().value(0, QStringLiteral("my_flag")).value(), QStringLiteral("yes"));
        QVERIFY(table.errorMessages().isEmpty());
    }

    void headerWithBomAndCrlfIsRecognised()
    {
        const ModelTable table = load("\xEF\xBB\xBFmodel,task,dataset,score\r\nA,segmentation,Cityscapes,70.5\r\n");
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join('\n')));
        QCOMPARE(table.rows().size(), std::size_t(1));
        QCOMPARE(*table.rows()[0].score, 70.5);
        QCOMPARE(table.rows()[0].dataset, QStringLiteral("Cityscapes")); // no stray \r
    }

    void everyBadCellIsNamed()
    {
        const HardwareTable hw = smallHardware();
        const QByteArray bytes = kHeader + "\n"
            "A,classification,ImageNet,top1,eighty,4.1,GFLOPs,V100,,,s\n"        // row 1: score is text
            "B,classification,ImageNet,top1,101,0,GFLOPs,v100,,,s\n"             // row 2: score > 100, zero compute
            "C,recognition,ImageNet,top1,70,-3,GMACs,Tesla V100-SXM2-16GB,,,s\n" // row 3: task, negative compute
            "D,detection,MS COCO,mAP,40,86,GFLOPs,Abacus 9000,12,guessed,s\n"    // row 4: device, provenance
            "E,detection,COCO,mAP,41,86,furlongs,V100,-5,reported,s\n"           // row 5: unit, negative hours
            "D,detection,COCO,mAP,42,86,GFLOPs,V100,,,s\n";                       // row 6: duplicate of row 4 (MS COCO = COCO)
        const ModelTable table = load(bytes, &hw);
        QCOMPARE(table.rows().size(), std::size_t(6));
        QCOMPARE(errorAt(table, 0, "score"), QStringLiteral("\"eighty\" is not a number"));
        QVERIFY(errorAt(table, 1, "score").contains(QLatin1String("101 is above 100")));
        QVERIFY(errorAt(table, 1, "compute").contains(QLatin1String("greater than zero")));
        QVERIFY(errorAt(table, 2, "task").contains(QLatin1String("\"recognition\" is not a known task")));
        QVERIFY(errorAt(table, 2, "compute").contains(QLatin1String("-3")));
        QVERIFY(errorAt(table, 3, "device").contains(QLatin1String("\"Abacus 9000\" is not in the hardware table")));
        QVERIFY(errorAt(table, 3, "hours_provenance").contains(QLatin1String("\"guessed\"")));
        QVERIFY(errorAt(table, 4, "compute_unit").contains(QLatin1String("\"furlongs\"")));
        QVERIFY(errorAt(table, 4, "device_hours").contains(QLatin1String("-5")));
        QVERIFY(errorAt(table, 5, "model").contains(QLatin1String("duplicates row 4")));
        // Devices matched case-insensitively and by alias: no device error on rows 1-3, 5, 6.
        for (int row : {0, 1, 2, 4, 5})
            QVERIFY(errorAt(table, row, "device").isEmpty());
        // Messages name the file, the row, the line and the column.
        const QStringList messages = table.errorMessages();
        QVERIFY(messages.contains(QStringLiteral("t.csv: row 1 (line 2), column \"score\": \"eighty\" is not a number")));
        // Bad rows are kept and flagged; what is valid in them is still read.
        QVERIFY(table.rows()[0].flagged);
        QVERIFY(!table.rows()[0].score);
        QCOMPARE(*table.rows()[0].compute, 4.1);
        QCOMPARE(table.rows()[3].model, QStringLiteral("D"));
        QCOMPARE(*table.rows()[3].deviceHours, 12.0);
        // Row 1's other cells are fine; the clean rows are not flagged.
        QCOMPARE(table.issuesOfRow(0).size(), std::size_t(1));
    }

    void yearAndConfidenceAreChecked()
    {
        const ModelTable table = load("model,task,dataset,score,year,confidence\n"
                                      "A,classification,ImageNet,80,2016,Confident\n"   // row 1: fine (any case)
                                      "B,classification,ImageNet,80,1989,likely\n"      // row 2: year too early
                                      "C,classification,ImageNet,80,2101,speculative\n" // row 3: year too late
                                      "D,classification,ImageNet,80,2015.5,sure\n"      // row 4: not whole, unknown confidence
                                      "E,classification,ImageNet,80,twenty,\n"          // row 5: text
                                      "F,classification,ImageNet,80,,\n");              // row 6: both empty is fine
        QCOMPARE(table.rows().size(), std::size_t(6));
        QCOMPARE(*table.rows()[0].year, 2016);
        QCOMPARE(*table.rows()[0].confidence, Confidence::Confident);
        QVERIFY(!table.rows()[0].flagged);
        QCOMPARE(*table.rows()[1].confidence, Confidence::Likely);
        QCOMPARE(*table.rows()[2].confidence, Confidence::Speculative);
        QCOMPARE(errorAt(table, 1, "year"), QStringLiteral("\"1989\" is not a year (a whole number from 1990 to 2100)"));
        QVERIFY(errorAt(table, 2, "year").contains(QLatin1String("\"2101\"")));
        QVERIFY(errorAt(table, 3, "year").contains(QLatin1String("\"2015.5\"")));
        QCOMPARE(errorAt(table, 3, "confidence"), QStringLiteral("\"sure\" is not one of confident, likely, speculative"));
        QVERIFY(errorAt(table, 4, "year").contains(QLatin1String("\"twenty\"")));
        QVERIFY(!table.rows()[1].year && !table.rows()[3].confidence);
        QVERIFY(!table.rows()[5].flagged && !table.rows()[5].year && !table.rows()[5].confidence);
        QVERIFY(table.errorMessages().contains(
            QStringLiteral("t.csv: row 4 (line 5), column \"confidence\": \"sure\" is not one of confident, likely, speculative")));
        // Known columns, not kept as unknown ones.
        QVERIFY(table.unknownColumns().isEmpty());
    }

    void decimalPointsInModelNamesCount()
    {
        // Spaces, dashes and case do not make a new model; a decimal point between digits does.
        const ModelTable table = load("model,task,dataset,score\n"
                                      "RegNetX-1.6GF,classification,ImageNet,77\n"
                                      "RegNetX-16GF,classification,ImageNet,80\n"
                                      "regnetx 1.6gf,classification,ILSVRC2012,77\n"
                                      "ResNet-50 v1.5,classification,ImageNet,77\n");
        QVERIFY(errorAt(table, 1, "model").isEmpty());
        QVERIFY(errorAt(table, 2, "model").contains(QLatin1String("duplicates row 1")));
        QVERIFY(errorAt(table, 3, "model").isEmpty());
    }

    void fractionScoresAreCheckedAgainstOne()
    {
        ModelTableOptions options;
        options.scoreScale = ScoreScale::Fraction;
        const ModelTable table = ModelTable::fromCsv("model,task,dataset,score\nA,detection,COCO,0.42\nB,detection,COCO,42\n",
                                                     QStringLiteral("f.csv"), options);
        QVERIFY(errorAt(table, 0, "score").isEmpty());
        QVERIFY(errorAt(table, 1, "score").contains(QLatin1String("above 1 (scores are read as fraction)")));
    }

    void missingColumnsAndEmptyRequiredCells()
    {
        const ModelTable table = load("model,dataset,compute\nA,ImageNet,4\n,ImageNet,5\n");
        const QStringList errors = table.errorMessages();
        QVERIFY(errors.contains(QStringLiteral("t.csv: line 1: the header has no \"task\" column")));
        QVERIFY(errors.contains(QStringLiteral("t.csv: line 1: the header has no \"score\" column")));
        QVERIFY(errorAt(table, 1, "model").contains(QLatin1String("is empty")));
        // compute without compute_unit
        QVERIFY(errorAt(table, 0, "compute_unit").contains(QLatin1String("no unit")));
        QCOMPARE(table.rows().size(), std::size_t(2));
    }

    void malformedQuotingIsReportedNotFatal()
    {
        const QByteArray bytes = "model,task,dataset,score\nA,detection,COCO,40\n\"B,detection,COCO,41\nC,detection,COCO,42\n";
        const ModelTable table = load(bytes);
        QVERIFY(table.errorMessages().join('\n').contains(QLatin1String("line 3: a quoted field opened here is never closed")));
        QCOMPARE(table.rows().size(), std::size_t(2)); // A, and the rest swallowed by the open quote
        const ModelTable stray = load("model,task,dataset,score\n\"A\"x,detection,COCO,40\n");
        QVERIFY(stray.errorMessages().join('\n').contains(QLatin1String("text after a closing quote")));
        QCOMPARE(stray.rows()[0].model, QStringLiteral("Ax"));
        const ModelTable empty = load("");
        QVERIFY(empty.errorMessages().join('\n').contains(QLatin1String("no header row")));
        const ModelTable utf = load("model,task,dataset,score\nA\xff,detection,COCO,40\n");
        QVERIFY(utf.errorMessages().join('\n').contains(QLatin1String("not valid UTF-8")));
    }

    void tenThousandRowsWithPlantedErrors()
    {
        // Row i (1-based) has: text score when i % 1000 == 7; a quoted newline in notes when i % 3 == 0.
        QByteArray bytes = "\xEF\xBB\xBFmodel,task,dataset,score,compute,compute_unit,notes\r\n";
        for (int i = 1; i <= 10000; ++i) {
            bytes += "m" + QByteArray::number(i) + ",classification,ImageNet,";
            bytes += (i % 1000 == 7) ? QByteArray("n/a") : QByteArray::number(50 + (i % 40));
            bytes += "," + QByteArray::number(i) + ",GFLOPs,";
            bytes += (i % 3 == 0) ? QByteArray("\"multi\r\nline\"") : QByteArray("plain");
            bytes += "\r\n";
        }
        QElapsedTimer clock;
        clock.start();
        const ModelTable table = load(bytes);
        QCOMPARE(table.rows().size(), std::size_t(10000));
        const QStringList errors = table.errorMessages();
        QCOMPARE(errors.size(), 10); // i = 7, 1007, ..., 9007
        // Row 1007 starts on line 1 + 1006 + (rows before it with a quoted newline: 1006 / 3 = 335) + 1.
        QCOMPARE(errors[1], QStringLiteral("t.csv: row 1007 (line %1), column \"score\": \"n/a\" is not a number").arg(1 + 1006 + 335 + 1));
        QCOMPARE(table.rows()[2].notes, QStringLiteral("multi\r\nline"));
        QCOMPARE(table.toCsv(), bytes);
        QVERIFY2(clock.elapsed() < 5000 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
    }

    void editingKeepsTheRestAndRevalidates()
    {
        const QByteArray bytes = "\xEF\xBB\xBF\"model\",task,dataset,score,my col\r\nA,detection,COCO,forty,\"x, y\"\r\nB,detection,COCO,41,z\r\n";
        ModelTable table = load(bytes);
        QCOMPARE(table.errorMessages().size(), 1);
        table.setCell(0, QStringLiteral("score"), QStringLiteral("40"));
        QVERIFY(table.errorMessages().isEmpty());
        QCOMPARE(*table.rows()[0].score, 40.0);
        QCOMPARE(table.toCsv(), QByteArray(bytes).replace("forty", "40"));
        // A new column goes to the end of the header, with an empty cell on every other row.
        table.setCell(1, QStringLiteral("epochs"), QStringLiteral("12"));
        QCOMPARE(*table.rows()[1].epochs, 12.0);
        QCOMPARE(table.toCsv(), QByteArray("\xEF\xBB\xBF\"model\",task,dataset,score,my col,epochs\r\n"
                                           "A,detection,COCO,40,\"x, y\",\r\nB,detection,COCO,41,z,12\r\n"));
        // A new row is empty (flagged) until its required cells are filled; it keeps the CRLF.
        const int row = table.appendRow();
        QCOMPARE(row, 2);
        QVERIFY(table.rows()[2].flagged);
        QVERIFY(errorAt(table, 2, "model").contains(QLatin1String("is empty")));
        for (const auto& [column, text] : {std::pair{"model", "C, the third"}, std::pair{"task", "segmentation"},
                                           std::pair{"dataset", "Cityscapes"}, std::pair{"score", "70"}})
            table.setCell(row, QString::fromLatin1(column), QString::fromLatin1(text));
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join('\n')));
        QVERIFY(table.toCsv().endsWith("B,detection,COCO,41,z,12\r\n\"C, the third\",segmentation,Cityscapes,70,,\r\n"));
        QCOMPARE(table.rows()[2].line, 4);
        // What was written reads back to the same table.
        QCOMPARE(load(table.toCsv()).toCsv(), table.toCsv());
    }

    void removingAndDuplicatingRowsKeepTheRest()
    {
        // Quoted cells, a multi-line cell, an empty line, CRLF and no final line break.
        const QByteArray bytes = "model,task,dataset,score,notes\r\n"
                                 "A,detection,COCO,40,\"two\r\nlines\"\r\n"
                                 "\r\n"
                                 "\"B, b\",detection,COCO,41,x\r\n"
                                 "C,detection,COCO,forty-two,y";
        ModelTable table = load(bytes);
        QCOMPARE(table.rows().size(), std::size_t(3));
        QCOMPARE(table.rows()[2].line, 6);

        ModelTable removed = table;
        removed.removeRow(1);
        QCOMPARE(removed.toCsv(), QByteArray("model,task,dataset,score,notes\r\n"
                                             "A,detection,COCO,40,\"two\r\nlines\"\r\n"
                                             "\r\n"
                                             "C,detection,COCO,forty-two,y"));
        QCOMPARE(removed.rows().size(), std::size_t(2));
        QCOMPARE(removed.rows()[1].model, QStringLiteral("C"));
        // Lines are counted again: C now starts on line 5, and its error says so.
        QCOMPARE(removed.rows()[1].line, 5);
        QCOMPARE(removed.errorMessages(),
                 QStringList{QStringLiteral("t.csv: row 2 (line 5), column \"score\": \"forty-two\" is not a number")});
        // Removing the last row: what was its line break is not added back (the empty line
        // before it now ends the file).
        removed.removeRow(1);
        QCOMPARE(removed.toCsv(), QByteArray("model,task,dataset,score,notes\r\n"
                                             "A,detection,COCO,40,\"two\r\nlines\"\r\n"));
        QVERIFY(removed.errorMessages().isEmpty());

        ModelTable copied = table;
        QCOMPARE(copied.duplicateRow(0), 1);
        QCOMPARE(copied.rows().size(), std::size_t(4));
        QCOMPARE(copied.rows()[1].notes, QStringLiteral("two\r\nlines"));
        QCOMPARE(copied.rows()[1].line, 4); // A spans lines 2-3, its copy 4-5
        QCOMPARE(copied.rows()[2].model, QStringLiteral("B, b"));
        QCOMPARE(copied.rows()[2].line, 7);
        QVERIFY(copied.rows()[1].flagged);
        QCOMPARE(errorAt(copied, 1, "model"), QStringLiteral("\"A\" on \"COCO\" duplicates row 1"));
        QVERIFY(copied.errorMessages().contains(
            QStringLiteral("t.csv: row 2 (line 4), column \"model\": \"A\" on \"COCO\" duplicates row 1")));
        // Copying the last row: the copy is now the one without a final line break.
        copied.duplicateRow(3);
        QVERIFY(copied.toCsv().endsWith("C,detection,COCO,forty-two,y\r\nC,detection,COCO,forty-two,y"));
        // The edited text reads back to the same table.
        QCOMPARE(load(copied.toCsv()).toCsv(), copied.toCsv());
    }

    void scoreScaleChangeValidatesAgain()
    {
        ModelTable table = load("model,task,dataset,score\nA,detection,COCO,40\n");
        QVERIFY(table.errorMessages().isEmpty());
        table.setOptions(ModelTableOptions{ScoreScale::Fraction, nullptr});
        QCOMPARE(errorAt(table, 0, "score"), QStringLiteral("40 is above 1 (scores are read as fraction)"));
    }

    void bundledCorpusIsClean()
    {
        QStringList hwErrors;
        const HardwareTable hw = loadHardwareTable(&hwErrors, QStringLiteral("/nonexistent/hardware.csv"));
        QVERIFY2(hwErrors.isEmpty(), qPrintable(hwErrors.join('\n')));
        const QByteArray bytes = bundledCorpusCsv();
        const ModelTable corpus = load(bytes, &hw);
        QVERIFY2(corpus.errorMessages().isEmpty(), qPrintable(corpus.errorMessages().join('\n')));
        QVERIFY(corpus.rows().size() >= 45);
        QCOMPARE(corpus.toCsv(), bytes);
        for (const ModelRow& row : corpus.rows())
            QVERIFY2(!row.source.isEmpty(), qPrintable(row.model + " has no source"));
    }
};

QTEST_GUILESS_MAIN(ModelTableTest)
#include "test_model_table.moc"
