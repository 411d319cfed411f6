// The bundled carbon-intensity regions (countries; AWS, GCP and Azure regions) and default PUE per
// provider: clean, sourced, every name and alias unique, values as the source files give them
// (g/kWh / 1000).
#include <QRegularExpression>
#include <QtTest>

#include "models/bundled_data.h"
#include "models/carbon_table.h"
#include "models/pue_table.h"

using namespace nofade;

class RegionsPueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void regionsCoverCountriesAndClouds()
    {
        QStringList errors;
        const CarbonTable carbon = CarbonTable::fromCsv(bundledCarbonCsv(), QStringLiteral("carbon.csv"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        static const QRegularExpression iso2(QStringLiteral("^[A-Z]{2}$"));
        int countries = 0;
        QHash<QString, int> clouds;
        for (const CarbonIntensity& c : carbon.regions()) {
            QVERIFY2(!c.source.isEmpty(), qPrintable(c.region));
            if (!c.region.endsWith(QLatin1String("(per source)")))
                QVERIFY2(!c.year.isEmpty(), qPrintable(c.region)); // a grid's intensity has a year
            countries += c.aliases.filter(iso2).isEmpty() ? 0 : 1;
            for (const char* provider : {"AWS ", "GCP ", "Azure "})
                if (c.region.startsWith(QLatin1String(provider)))
                    ++clouds[QString::fromLatin1(provider)];
        }
        QVERIFY2(countries >= 50, qPrintable(QString::number(countries)));
        QVERIFY(clouds.value("AWS ") >= 20 && clouds.value("GCP ") >= 20 && clouds.value("Azure ") >= 30);
        // ML CO2 Impact's impact.csv: us-east-1 and us-east1 both 367.8 g/kWh (eGRID); their keys
        // differ only by the provider, which the aliases keep apart.
        QCOMPARE(carbon.find(QStringLiteral("aws us-east-1"))->kgPerKwh, 0.3678);
        QCOMPARE(carbon.find(QStringLiteral("GCP us-east1"))->kgPerKwh, 0.3678);
        QCOMPARE(carbon.find(QStringLiteral("azure westeurope"))->kgPerKwh, 0.569);
        QCOMPARE(carbon.find(QStringLiteral("gcp europe-west6"))->kgPerKwh, 0.016);
        // Green Algorithms CI_aggregated.csv: Iceland 0.13 g/kWh, Russia 310.2 g/kWh.
        QCOMPARE(carbon.find(QStringLiteral("IS"))->kgPerKwh, 0.00013);
        QCOMPARE(carbon.find(QStringLiteral("Russia"))->kgPerKwh, 0.3102);
        QCOMPARE(carbon.find(QStringLiteral("Russia"))->year, QStringLiteral("2020"));
        // The rows that were there before keep their names and aliases.
        QCOMPARE(carbon.find(QStringLiteral("canada"))->kgPerKwh, 0.170);
        QCOMPARE(carbon.find(QStringLiteral("Korea"))->region, QStringLiteral("South Korea"));
    }

    void carbonNamesMustBeUnique()
    {
        QStringList errors;
        const CarbonTable t = CarbonTable::fromCsv("region,kg_co2_per_kwh,aliases\nA,0.1,x;y\nB,0.2,Y\nx,0.3,\n",
                                                   QStringLiteral("c.csv"), &errors);
        QCOMPARE(errors, (QStringList{QStringLiteral("c.csv: row 2 (line 3), column \"aliases\": \"Y\" already names \"A\""),
                                      QStringLiteral("c.csv: row 3 (line 4), column \"region\": \"x\" already names \"A\"")}));
        QCOMPARE(int(t.regions().size()), 1);
    }

    void defaultPuePerProvider()
    {
        QStringList errors;
        const PueTable pue = PueTable::fromCsv(bundledPueCsv(), QStringLiteral("pue.csv"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        // Green Algorithms data/latest/defaults_PUE.csv.
        QCOMPARE(pue.find(QStringLiteral("aws"))->pue, 1.2);
        QCOMPARE(pue.find(QStringLiteral("GCP"))->pue, 1.12);
        QCOMPARE(pue.find(QStringLiteral("azure"))->pue, 1.12);
        QCOMPARE(pue.find(QStringLiteral("unknown"))->pue, 1.56);
        QCOMPARE(pue.find(QStringLiteral("on-premise")), pue.find(QStringLiteral("unknown")));
        QCOMPARE(pue.find(QStringLiteral("strubell"))->pue, 1.58);
        QVERIFY(!pue.find(QStringLiteral("Atlantis")));
        for (const ProviderPue& p : pue.providers())
            QVERIFY2(!p.source.isEmpty() && p.pue >= 1.0, qPrintable(p.provider));
        errors.clear();
        const PueTable bad = PueTable::fromCsv("provider,pue,aliases\nA,1.3,\nB,0.9,\nC,abc,\nD,1.1,a\n", QStringLiteral("p.csv"), &errors);
        QCOMPARE(errors, (QStringList{QStringLiteral("p.csv: row 2 (line 3), column \"pue\": \"0.9\" is not a number of at least 1"),
                                      QStringLiteral("p.csv: row 3 (line 4), column \"pue\": \"abc\" is not a number of at least 1"),
                                      QStringLiteral("p.csv: row 4 (line 5), column \"aliases\": \"a\" already names \"A\"")}));
        QCOMPARE(int(bad.providers().size()), 1);
    }
};

QTEST_GUILESS_MAIN(RegionsPueTest)
#include "test_regions_pue.moc"
