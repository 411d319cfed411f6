#include "models/co2_statement_bib.h"

namespace nofade {

namespace {

// BibTeX of every source the paragraph can cite. Fields that could not be sourced are left out.
struct BibSource {
    const char* key;
    const char* entry;
};

const BibSource kSources[] = {
    {"fu2021nofade",
     "@misc{fu2021nofade,\n"
     "  author = {Fu, Andre and Tran, Justin and Xie, Andy and Spraggett, Jonathan and Ding, Elisa and\n"
     "            Lee, Chang-Won and Singla, Kanav and Hosseini, Mahdi S. and Plataniotis, Konstantinos N.},\n"
     "  title = {{NoFADE}: Analyzing Diminishing Returns on {CO2} Investment},\n"
     "  year = {2021},\n"
     "  eprint = {2111.14059},\n"
     "  archivePrefix = {arXiv},\n"
     "  url = {https://arxiv.org/abs/2111.14059},\n"
     "  note = {University of Toronto}\n"
     "}\n"},
    {"lacoste2019quantifying",
     "@misc{lacoste2019quantifying,\n"
     "  author = {Lacoste, Alexandre and Luccioni, Alexandra and Schmidt, Victor and Dandres, Thomas},\n"
     "  title = {Quantifying the Carbon Emissions of Machine Learning},\n"
     "  year = {2019},\n"
     "  eprint = {1910.09700},\n"
     "  archivePrefix = {arXiv},\n"
     "  url = {https://arxiv.org/abs/1910.09700}\n"
     "}\n"},
    {"lannelongue2021green",
     "@article{lannelongue2021green,\n"
     "  author = {Lannelongue, Lo{\\\"i}c and Grealey, Jason and Inouye, Michael},\n"
     "  title = {{Green Algorithms}: Quantifying the Carbon Footprint of Computation},\n"
     "  journal = {Advanced Science},\n"
     "  year = {2021},\n"
     "  volume = {8},\n"
     "  number = {12},\n"
     "  pages = {2100707},\n"
     "  doi = {10.1002/advs.202100707}\n"
     "}\n"},
    {"mlco2impact_data",
     "@misc{mlco2impact_data,\n"
     "  author = {Lacoste, Alexandre and Luccioni, Alexandra and Schmidt, Victor and Dandres, Thomas},\n"
     "  title = {{ML CO2 Impact}: carbon intensity per cloud region, data/impact.csv},\n"
     "  year = {2019},\n"
     "  url = {https://github.com/mlco2/impact},\n"
     "  note = {Data of the Machine Learning Emissions Calculator, https://mlco2.github.io/impact/}\n"
     "}\n"},
    {"greenalgorithms_ci",
     "@misc{greenalgorithms_ci,\n"
     "  author = {Lannelongue, Lo{\\\"i}c and Grealey, Jason and Inouye, Michael},\n"
     "  title = {{Green Algorithms}: carbon intensity per location, data/latest/CI\\_aggregated.csv},\n"
     "  url = {https://github.com/GreenAlgorithms/green-algorithms-tool},\n"
     "  note = {Data of the Green Algorithms calculator, https://www.green-algorithms.org}\n"
     "}\n"},
    {"greenalgorithms_pue",
     "@misc{greenalgorithms_pue,\n"
     "  author = {Lannelongue, Lo{\\\"i}c and Grealey, Jason and Inouye, Michael},\n"
     "  title = {{Green Algorithms}: default PUE per provider, data/latest/defaults\\_PUE.csv},\n"
     "  url = {https://github.com/GreenAlgorithms/green-algorithms-tool},\n"
     "  note = {Data of the Green Algorithms calculator, https://www.green-algorithms.org}\n"
     "}\n"},
    {"luccioni2023bloom",
     "@article{luccioni2023bloom,\n"
     "  author = {Luccioni, Alexandra Sasha and Viguier, Sylvain and Ligozat, Anne-Laure},\n"
     "  title = {Estimating the Carbon Footprint of {BLOOM}, a {176B} Parameter Language Model},\n"
     "  journal = {Journal of Machine Learning Research},\n"
     "  year = {2023},\n"
     "  volume = {24},\n"
     "  number = {253},\n"
     "  pages = {1--15},\n"
     "  url = {http://jmlr.org/papers/v24/23-0069.html}\n"
     "}\n"},
    {"codecarbon",
     "@misc{codecarbon,\n"
     "  title = {{CodeCarbon}: energy mix and carbon intensity data},\n"
     "  url = {https://github.com/mlco2/codecarbon},\n"
     "  note = {global\\_energy\\_mix.json and carbon\\_intensity\\_per\\_source.json}\n"
     "}\n"},
    {"owid_energy",
     "@misc{owid_energy,\n"
     "  author = {{Our World in Data}},\n"
     "  title = {Energy data: carbon intensity of electricity},\n"
     "  url = {https://ourworldindata.org/energy},\n"
     "  note = {As compiled in CodeCarbon's global\\_energy\\_mix.json}\n"
     "}\n"},
    {"epa_ghg_equivalencies",
     "@misc{epa_ghg_equivalencies,\n"
     "  author = {{U.S. Environmental Protection Agency}},\n"
     "  title = {Greenhouse Gas Equivalencies Calculator},\n"
     "  url = {https://www.epa.gov/energy/greenhouse-gas-equivalencies-calculator},\n"
     "  note = {Electricity factor from the AVERT U.S. national weighted average marginal CO2 emission rate}\n"
     "}\n"},
    {"epa_egrid",
     "@misc{epa_egrid,\n"
     "  author = {{U.S. Environmental Protection Agency}},\n"
     "  title = {Emissions \\& Generation Resource Integrated Database ({eGRID})},\n"
     "  url = {https://www.epa.gov/egrid}\n"
     "}\n"},
    {"strubell2019energy",
     "@inproceedings{strubell2019energy,\n"
     "  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},\n"
     "  title = {Energy and Policy Considerations for Deep Learning in {NLP}},\n"
     "  booktitle = {Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics},\n"
     "  year = {2019},\n"
     "  pages = {3645--3650},\n"
     "  publisher = {Association for Computational Linguistics},\n"
     "  doi = {10.18653/v1/P19-1355}\n"
     "}\n"},
};

} // namespace

QString statementBibEntry(const QString& key)
{
    for (const BibSource& s : kSources)
        if (key == QLatin1String(s.key))
            return QString::fromUtf8(s.entry);
    return {};
}

} // namespace nofade
