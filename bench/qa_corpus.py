"""A synthetic corpus for evaluating question answering, and the code to index it.

Twenty statement-like documents, 2011-2023, whose facts are invented (people, dates and
figures are fictional): who chaired which SME ministerial meeting, where and when it met,
strategic plans and when they were endorsed, shares and counts, natural disasters,
digitalisation, women-owned businesses, start-ups. Several documents deliberately repeat a
kind of fact for different years so that a question's year has to decide. Two documents are
PDFs with page numbers.

    from bench.qa_corpus import build_qa_index
    index_dir = build_qa_index(tmp_dir)

It is stored and indexed with the same helpers the tests use (tests/helpers.py, which needs
no pytest), through the real corpus store and index build.
"""

from __future__ import annotations

from pathlib import Path

from indexer.model import Document, Paragraph
from tests.helpers import make_document, make_index

BASE = "https://example.apec.test/"


def _doc(
    slug: str,
    title: str,
    year: int,
    doc_type: str,
    paragraphs: list[str | Paragraph],
    **fields: object,
) -> Document:
    return make_document(BASE + slug, title, paragraphs, year=year, doc_type=doc_type, **fields)


def _h(text: str) -> Paragraph:
    return Paragraph(text, kind="h")


def _page(text: str, page: int, kind: str = "p") -> Paragraph:
    return Paragraph(text, kind=kind, page=page)


DOCS: list[Document] = [
    _doc(
        "smemm/2011-joint-ministerial-statement",
        "2011 SME Ministerial Meeting: Joint Ministerial Statement",
        2011,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 18th APEC Small and Medium Enterprises Ministerial Meeting was held in "
            "Nashville, United States, on 5-6 October 2011. The meeting was chaired by "
            "Dr. Rebecca Holm, Administrator of the Small Business Administration.",
            "2. Ministers noted that SMEs account for over 90 per cent of businesses in the "
            "region and that cross-border trade remains difficult for most of them.",
            _h("Trade and Exports"),
            "3. Ministers welcomed the SME Export Readiness Checklist and instructed officials "
            "to translate it into the languages of member economies. Ministers encouraged "
            "economies to simplify customs procedures for small shipments.",
            "4. Ministers agreed to hold their next meeting in Russia in 2012.",
        ],
        date="2011-10-06",
        meeting_number=18,
        location="Nashville, United States",
    ),
    _doc(
        "smemm/2012-joint-ministerial-statement",
        "2012 SME Ministerial Meeting: Joint Ministerial Statement",
        2012,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. SME Ministers met in Kazan, Russia, under the chairmanship of H.E. Mr. Oleg "
            "Petrov, Deputy Minister of Economic Development. Ministers thanked Russia for its "
            "hospitality.",
            "2. On 2 August 2012, ministers endorsed the SMEWG Strategic Plan 2013-2016, which "
            "sets four priority areas for the working group's projects.",
            "3. Ministers discussed innovation and the role of business incubators. They "
            "welcomed the Innovation Voucher Pilot, in which 14 economies took part.",
            "4. Ministers recognised the importance of access to finance and asked officials to "
            "study credit guarantee schemes.",
        ],
        date="2012-08-02",
        meeting_number=19,
        location="Kazan, Russia",
    ),
    _doc(
        "smemm/2013-joint-ministerial-statement",
        "2013 SME Ministerial Meeting: Joint Ministerial Statement",
        2013,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 20th SME Ministerial Meeting took place in Nusa Dua, Indonesia on "
            "4 September 2013. H.E. Sari Wulandari, Minister of Cooperatives and SMEs, chaired "
            "the meeting.",
            "2. Ministers recognised that women own or lead around 38 per cent of formally "
            "registered MSMEs in the region, and that women-owned businesses face higher "
            "barriers to finance.",
            "3. Ministers agreed to launch the Women's Business Mentoring Network, and welcomed "
            "its first cohort of 300 women entrepreneurs.",
            "4. Ministers agreed that no economy should be left behind in the move to a "
            "digital economy.",
        ],
        date="2013-09-04",
        meeting_number=20,
        location="Nusa Dua, Indonesia",
    ),
    _doc(
        "smemm/2014-joint-ministerial-statement",
        "2014 SME Ministerial Meeting: Joint Ministerial Statement",
        2014,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. Ministers responsible for SMEs gathered in Nanjing, China on 5 September 2014. "
            "Mr. Li Wenjun, Vice Minister of Industry and Information Technology, chaired the "
            "meeting.",
            "2. Ministers launched the Startup Accelerator Network, which supported 1,200 "
            "start-ups in its first year of operation.",
            "3. Ministers emphasised that young entrepreneurs need mentoring as much as "
            "capital, and called for more incubators in secondary cities.",
            "4. Ministers noted that SMEs provide 60 per cent of employment in the region.",
        ],
        date="2014-09-05",
        meeting_number=21,
        location="Nanjing, China",
    ),
    _doc(
        "smemm/2015-joint-ministerial-statement",
        "2015 SME Ministerial Meeting: Joint Ministerial Statement",
        2015,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 22nd SME Ministerial Meeting convened in Iloilo City, Philippines on "
            "3-4 September 2015 under the chairmanship of Secretary Amelia Reyes of the "
            "Department of Trade and Industry.",
            _h("Natural Disasters"),
            "2. Ministers agreed that every SME should prepare a business continuity plan "
            "against natural disasters, and endorsed the SME Emergency Preparedness Guidebook.",
            "3. Ministers noted that typhoons and floods had disrupted over 40,000 small "
            "businesses in the region in the previous year.",
            "4. Ministers adopted the Iloilo Initiative on Inclusive Growth.",
        ],
        date="2015-09-04",
        meeting_number=22,
        location="Iloilo City, Philippines",
    ),
    _doc(
        "smemm/2016-joint-ministerial-statement",
        "2016 SME Ministerial Meeting: Joint Ministerial Statement",
        2016,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 23rd SME Ministerial Meeting was held in Lima, Peru, chaired by H.E. Carla "
            "Mendoza, Minister of Production.",
            "2. Ministers endorsed the SMEWG Strategic Plan 2017-2020 on 9 September 2016, "
            "building on the results of the previous plan.",
            "3. Ministers welcomed the report on SME internationalisation and its finding that "
            "only 15 per cent of SMEs export directly.",
            "4. Ministers encouraged the use of online dispute resolution for small "
            "cross-border transactions.",
        ],
        date="2016-09-09",
        meeting_number=23,
        location="Lima, Peru",
    ),
    _doc(
        "smemm/2017-joint-ministerial-statement",
        "2017 SME Ministerial Meeting: Joint Ministerial Statement",
        2017,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 24th SME Ministerial Meeting met in Ho Chi Minh City, Viet Nam on "
            "15 September 2017, chaired by H.E. Tran Van Minh, Minister of Planning and "
            "Investment.",
            _h("Digitalisation"),
            "2. Ministers agreed to accelerate the digitalisation of MSMEs and endorsed the "
            "Digital Readiness Framework, which all 21 member economies committed to apply.",
            "3. Ministers welcomed a survey of 5,000 firms showing that digital tools raised "
            "the productivity of micro enterprises.",
            "4. Ministers called for better broadband in rural areas.",
        ],
        date="2017-09-15",
        meeting_number=24,
        location="Ho Chi Minh City, Viet Nam",
    ),
    _doc(
        "smemm/2018-joint-ministerial-statement",
        "2018 SME Ministerial Meeting: Joint Ministerial Statement",
        2018,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. Ministers met in Port Moresby, Papua New Guinea on 23 August 2018. Hon. Peter "
            "Kila, Minister for Commerce and Industry, chaired the 25th SME Ministerial Meeting.",
            "2. Ministers observed that e-commerce accounted for 12 per cent of MSME sales in "
            "the region, up from 7 per cent five years earlier.",
            "3. Ministers agreed to support MSMEs in the Pacific to join regional supply chains.",
        ],
        date="2018-08-23",
        meeting_number=25,
        location="Port Moresby, Papua New Guinea",
    ),
    _doc(
        "smemm/2019-joint-ministerial-statement",
        "2019 SME Ministerial Meeting: Joint Ministerial Statement",
        2019,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 26th SME Ministerial Meeting was held in May 2019 at Puerto Varas, Chile. "
            "Ministers were welcomed by Ms. Isabel Fuentes, Minister of Economy, who chaired "
            "the meeting.",
            "2. Ministers endorsed the Puerto Varas Roadmap for Women and Inclusive Growth, "
            "which aims to double the number of women-owned businesses that export by 2030.",
            "3. Ministers agreed that start-ups need simpler rules to register and to close a "
            "business.",
        ],
        date="2019-05-10",
        meeting_number=26,
        location="Puerto Varas, Chile",
    ),
    _doc(
        "smemm/2020-chairs-statement",
        "2020 SME Ministerial Meeting: Chair's Statement",
        2020,
        "chairs_statement",
        [
            _h("Chair's Statement"),
            "1. Owing to the pandemic, SME Ministers met virtually on 24 October 2020. The "
            "meeting was chaired by Datuk Rahim Zain, Minister of Entrepreneur Development of "
            "Malaysia. This statement is issued by the Chair.",
            "2. Ministers noted that the pandemic had forced one in three MSMEs in the region "
            "to close temporarily.",
            "3. Ministers agreed to keep supply chains open and to help MSMEs move their "
            "business online.",
        ],
        date="2020-10-24",
        meeting_number=26,
        location="Kuala Lumpur, Malaysia",
    ),
    _doc(
        "smemm/2021-joint-ministerial-statement",
        "2021 SME Ministerial Meeting: Joint Ministerial Statement",
        2021,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 27th SME Ministerial Meeting was held virtually from Wellington, New "
            "Zealand on 2 September 2021 under the chairmanship of Hon. Aroha Ngata, Minister "
            "for Small Business.",
            "2. Ministers noted that only 30 per cent of MSMEs in the region sell online, and "
            "agreed to close the digital divide between large and small firms.",
            "3. Ministers agreed to support indigenous businesses and welcomed the Indigenous "
            "Enterprise Dialogue.",
        ],
        date="2021-09-02",
        meeting_number=27,
        location="Wellington, New Zealand",
    ),
    _doc(
        "smemm/2022-joint-ministerial-statement",
        "2022 SME Ministerial Meeting: Joint Ministerial Statement",
        2022,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. The 28th SME Ministerial Meeting met in Bangkok, Thailand on 9 September 2022. "
            "The meeting was chaired by H.E. Somchai Rattanakul, Minister of Industry.",
            "2. Ministers recognised that MSMEs account for 97 per cent of all businesses and "
            "employ over half of the workforce in the region.",
            "3. Ministers agreed to help MSMEs adopt the Bio-Circular-Green economy model and "
            "cut their carbon emissions.",
        ],
        date="2022-09-09",
        meeting_number=28,
        location="Bangkok, Thailand",
    ),
    _doc(
        "smemm/2023-joint-ministerial-statement",
        "2023 SME Ministerial Meeting: Joint Ministerial Statement",
        2023,
        "ministerial_statement",
        [
            _h("Joint Ministerial Statement"),
            "1. SME Ministers met in Seattle, United States on 24 August 2023, chaired by "
            "Ms. Dana Whitfield, Administrator of the Small Business Administration.",
            _h("Resilience"),
            "2. Ministers agreed to develop a disaster-resilience toolkit so that MSMEs can "
            "recover faster from earthquakes, floods and wildfires.",
            "3. Ministers noted that 43 per cent of small firms hit by a disaster never reopen.",
            "4. Ministers welcomed a new programme for start-ups led by women.",
        ],
        date="2023-08-24",
        meeting_number=29,
        location="Seattle, United States",
    ),
    _doc(
        "smewg/strategic-plan-2013-2016.pdf",
        "SMEWG Strategic Plan 2013-2016",
        2012,
        "strategic_plan",
        [
            _page("SMEWG Strategic Plan 2013-2016", 1, "h"),
            _page(
                "This plan sets out the priorities of the Small and Medium Enterprises Working "
                "Group (SMEWG) for the four years from 2013 to 2016.",
                1,
            ),
            _page("Background", 2, "h"),
            _page(
                "MSMEs make up over 97 per cent of all enterprises in the region and employ "
                "over half of its workforce. The plan was endorsed by SME Ministers in August "
                "2012.",
                2,
            ),
            _page("Priority Areas", 3, "h"),
            _page(
                "The plan has four priority areas: building management capability, "
                "entrepreneurship and innovation; financing; business environment; and market "
                "access and internationalisation.",
                3,
            ),
            _page(
                "The plan will be reviewed in 2015 by an independent assessor appointed by the "
                "working group.",
                4,
            ),
        ],
        date="2012-08-01",
    ),
    _doc(
        "smewg/strategic-plan-2021-2024.pdf",
        "SMEWG Strategic Plan 2021-2024",
        2020,
        "strategic_plan",
        [
            _page("SMEWG Strategic Plan 2021-2024", 1, "h"),
            _page(
                "The Strategic Plan 2021-2024 was endorsed by the working group on 15 December "
                "2020 and guides its work for four years.",
                1,
            ),
            _page("Priority 1: Digitalisation", 2, "h"),
            _page(
                "The first priority is the digitalisation of MSMEs: helping micro and small "
                "firms adopt e-payments, e-invoicing and cloud services.",
                2,
            ),
            _page("Priority 2: Inclusion", 3, "h"),
            _page(
                "The plan aims to raise the share of women-owned businesses receiving bank "
                "credit to 50 per cent by 2024.",
                3,
            ),
        ],
        date="2020-12-15",
    ),
    _doc(
        "smewg/terms-of-reference-2018",
        "SME Working Group Terms of Reference",
        2018,
        "terms_of_reference",
        [
            _h("Terms of Reference"),
            "1. The Small and Medium Enterprises Working Group (SMEWG) is led by a Lead "
            "Shepherd, appointed for a two-year term.",
            "2. The Lead Shepherd for 2017-2018 is Mr. Hiroshi Tanaka of Japan.",
            "3. The working group meets twice a year, and reports annually to Senior Officials.",
            "4. Decisions of the working group are taken by consensus.",
        ],
    ),
    _doc(
        "smemm/2013-declaration-disaster-resilience",
        "Declaration on SME Disaster Resilience",
        2013,
        "declaration",
        [
            _h("Declaration on SME Disaster Resilience"),
            "1. Recalling the earthquake and tsunami of 2011, ministers declared their "
            "determination to make small businesses more resilient to natural disasters.",
            "2. Ministers agreed to establish the SME Business Continuity Centre in Taipei to "
            "train trainers from across the region.",
            "3. The Centre trained 2,500 SME managers in its first two years.",
        ],
        date="2013-09-04",
    ),
    _doc(
        "smemm/2016-declaration-startups",
        "Declaration on Start-ups and Young Entrepreneurs",
        2016,
        "declaration",
        [
            _h("Declaration on Start-ups and Young Entrepreneurs"),
            "1. Ministers declared their support for start-ups founded by young people and "
            "for the ecosystems that sustain them.",
            "2. Ministers welcomed the Lima Startup Pledge, signed by 18 economies.",
            "3. Ministers encouraged economies to let start-ups test new products in "
            "regulatory sandboxes.",
        ],
        date="2016-09-09",
    ),
    _doc(
        "smewg/2019-chairs-report-digital",
        "SMEWG Chair's Report on the Digital Economy",
        2019,
        "chairs_statement",
        [
            _h("Chair's Report on the Digital Economy"),
            "1. The working group's digital economy dialogue was held in Santiago, Chile on "
            "12 March 2019 and attended by 150 participants.",
            "2. Participants heard that cyber attacks cost small firms an average of "
            "USD 25,000 per incident.",
            "3. The group agreed to publish a cybersecurity guide for micro enterprises.",
        ],
        date="2019-03-12",
        location="Santiago, Chile",
    ),
    _doc(
        "smemm/2022-womens-entrepreneurship-statement",
        "Statement on Women's Entrepreneurship",
        2022,
        "other",
        [
            _h("Statement on Women's Entrepreneurship"),
            "1. Ministers noted that women-owned businesses received only 10 per cent of "
            "venture capital in the region in 2021.",
            "2. Ministers agreed to collect data on women-owned MSMEs disaggregated by sex and "
            "size, and to report on progress every two years.",
        ],
        date="2022-09-09",
    ),
]


def build_qa_index(root: Path) -> Path:
    """DOCS stored as a corpus under root/corpus and indexed into root/index (returned)."""
    return make_index(root, DOCS)
