// The review of seed-data against the five source documents (issue "The record reads true").
// Existing databases get the corrections here; a fresh database gets them from seed-data itself.
//
// 1. Links the sources do not state, and links that now run to or from another entity: removed.
//    Each is found from its start node, by its id <from>|<TYPE>|<to>.
UNWIND [
  ["case/eam-rattana-corruption", "case/eam-rattana-corruption|ABOUT|organization/cambodian-brothels-offering-minors"],
  ["document/ijm-government-relations-letter-to-the-nation", "document/ijm-government-relations-letter-to-the-nation|ASSERTS|claim/law-enforcement-best-and-only-sustainable-way"],
  ["document/royce-letter-to-the-administration", "document/royce-letter-to-the-administration|ADDRESSED_TO|organization/us-government"],
  ["organization/ahtjp", "organization/ahtjp|PARTICIPATED_IN|event/police-rescue-of-vietnamese-girls-2002"],
  ["organization/ahtjp", "organization/ahtjp|PARTICIPATED_IN|event/vietnamese-girls-returned-to-brothels-2002"],
  ["organization/ijm-institute", "organization/ijm-institute|ISSUED|statistic/cambodia-minors-decrease-73-percent"],
  ["organization/ijm-institute", "organization/ijm-institute|ISSUED|statistic/cambodia-sex-trafficking-convictions-since-2003"],
  ["organization/international-justice-mission", "organization/international-justice-mission|ASSERTS|claim/law-enforcement-best-and-only-sustainable-way"],
  ["organization/international-justice-mission", "organization/international-justice-mission|AUTHORED|document/2015-study-minors-in-cambodian-sex-industry"],
  ["organization/international-justice-mission", "organization/international-justice-mission|DISPUTES|claim/training-and-capacity-building-insufficient"],
  ["organization/obama-administration", "organization/obama-administration|ASSERTS|claim/law-enforcement-best-and-only-sustainable-way"],
  ["organization/us-department-of-state", "organization/us-department-of-state|DISPUTES|claim/tier-2-watch-list-ignores-cambodia-gains"],
  ["person/amy-e-roth", "person/amy-e-roth|DISPUTES|claim/training-and-capacity-building-insufficient"],
  ["person/barbara-boxer", "person/barbara-boxer|MEMBER_OF|organization/us-senate"],
  ["person/carl-levin", "person/carl-levin|MEMBER_OF|organization/us-senate"],
  ["person/david-vitter", "person/david-vitter|MEMBER_OF|organization/us-senate"],
  ["person/ed-royce", "person/ed-royce|MEMBER_OF|organization/us-house-of-representatives"],
  ["person/marco-rubio", "person/marco-rubio|MEMBER_OF|organization/us-senate"],
  ["person/thad-cochran", "person/thad-cochran|MEMBER_OF|organization/us-senate"]
] AS link
MATCH (:Entity {id: link[0]})-[r]->() WHERE r.id = link[1]
DELETE r;

// 2. Entities renamed (event ids no longer carry a date; the U.S. administration is one node): renamed in
//    place, so that what editors decided about them stays, with the ids of their links, <from>|<TYPE>|<to>.
//    The seed loader then makes each old id resolve to the new one (formerIds in seed-data).
UNWIND [
  ["event/aidetous-svay-pak-survey-2001-12", "event/aidetous-svay-pak-survey"],
  ["event/appeal-hearing-phnom-penh-2010-08-18", "event/appeal-hearing-phnom-penh"],
  ["event/cambodia-ijm-large-operation-2003", "event/cambodia-ijm-large-operation"],
  ["event/charles-ray-confirmed-2003", "event/charles-ray-confirmed"],
  ["event/charles-ray-demarche-2003", "event/charles-ray-demarche"],
  ["event/coffee-shop-closure-2013", "event/coffee-shop-closure"],
  ["event/coffee-shop-operations-2013", "event/coffee-shop-operations"],
  ["event/eam-rattana-conviction-2011", "event/eam-rattana-conviction"],
  ["event/eam-rattana-conviction-overturned-2014", "event/eam-rattana-conviction-overturned"],
  ["event/eam-rattana-indictment-2011", "event/eam-rattana-indictment"],
  ["event/eam-rattana-trial-2011", "event/eam-rattana-trial"],
  ["event/ijm-begins-cambodia-work-2002", "event/ijm-begins-cambodia-work"],
  ["event/ijm-bolivia-office-opened-2008", "event/ijm-bolivia-office-opened"],
  ["event/ijm-cambodia-collaboration-2003-2013", "event/ijm-cambodia-collaboration"],
  ["event/ijm-discovers-ring-relocation-2013-08", "event/ijm-discovers-ring-relocation"],
  ["event/ijm-study-2012", "event/ijm-study-of-minors-in-three-cities"],
  ["event/massage-parlor-operation-planning-2013", "event/massage-parlor-operation-planning"],
  ["event/massage-parlor-rescue-2013-10", "event/massage-parlor-rescue"],
  ["event/philippines-attempted-trafficking-conviction-2014-11", "event/philippines-attempted-trafficking-conviction"],
  ["event/philippines-attempted-trafficking-plea-2014-11", "event/philippines-attempted-trafficking-plea"],
  ["event/philippines-attempted-trafficking-sentence-2014-11", "event/philippines-attempted-trafficking-sentence"],
  ["event/philippines-convictions-2014-11", "event/philippines-eight-convictions"],
  ["event/philippines-rescue-2014-05", "event/philippines-attempted-trafficking-rescue"],
  ["event/philippines-supreme-court-fast-track-directive-2010", "event/philippines-supreme-court-fast-track-directive"],
  ["event/police-rescue-of-vietnamese-girls-2002", "event/police-rescue-of-vietnamese-girls"],
  ["event/sharon-cohn-wu-statement-tip-2015", "event/sharon-cohn-wu-statement-on-tip-ranking"],
  ["event/siem-reap-karaoke-bar-operation-2009-10-05", "event/siem-reap-karaoke-bar-operation"],
  ["event/siem-reap-owner-arrest-2009-10-05", "event/siem-reap-owner-arrest"],
  ["event/siem-reap-rescue-2009-10-05", "event/siem-reap-rescue"],
  ["event/siem-reap-second-suspect-arrest-2009-10-06", "event/siem-reap-second-suspect-arrest"],
  ["event/siem-reap-tip-received-2009-09", "event/siem-reap-tip-received"],
  ["event/siem-reap-undercover-visits-2009-10", "event/siem-reap-undercover-visits"],
  ["event/siem-reap-victim-police-interviews-2009-10", "event/siem-reap-victim-police-interviews"],
  ["event/siem-reap-warrants-issued-2009-10", "event/siem-reap-warrants-issued"],
  ["event/study-2015-minors-in-cambodian-sex-industry", "event/study-of-minors-in-cambodian-sex-industry"],
  ["event/tvpa-enacted-2000", "event/tvpa-enacted"],
  ["event/usaid-grant-to-ijm-2003", "event/usaid-grant-to-ijm"],
  ["event/vietnamese-girls-jailed-2002", "event/vietnamese-girls-jailed"],
  ["event/vietnamese-girls-returned-to-brothels-2002", "event/vietnamese-girls-returned-to-brothels"],
  ["event/vietnamese-ring-convictions-2014-11", "event/vietnamese-ring-convictions"],
  ["event/vietnamese-ring-relocation-2013", "event/vietnamese-ring-relocation"],
  ["event/vietnamese-ring-sentences-2014-11", "event/vietnamese-ring-sentences"],
  ["organization/obama-administration", "organization/us-administration"],
  ["victim/philippines-2014-one-adult", "victim/philippines-2014-girls-and-adult-rescued"]
] AS rename
MATCH (n:Entity {id: rename[0]})
WHERE NOT EXISTS { MATCH (:Entity {id: rename[1]}) }
SET n.id = rename[1]
WITH n, rename
MATCH (n)-[r]-()
WITH r, split(r.id, '|') AS parts, rename
WHERE size(parts) = 3 AND parts[1] = type(r) AND rename[0] IN [parts[0], parts[2]]
SET r.id = startNode(r).id + '|' + type(r) + '|' + endNode(r).id;

// 3. Entities removed: records that singled out one victim, an expulsion the arrest order only foresaw, a
//    publication event dated from outside the sources, and records merged into another. A merged one
//    resolves by its old id to the one it was merged into (formerIds in seed-data).
UNWIND [
  "document/ijm-client-testimony",
  "document/photo-appeal-hearing-phnom-penh-2010",
  "event/philippines-rescue-2006",
  "event/publication-hope-in-darkness",
  "event/trofimov-expulsion-ordered",
  "organization/philippine-government-shelter-for-girls",
  "victim/girl-trafficked-into-brothel-cambodia-early-2000s",
  "victim/ijm-client-rescued-philippines-2006",
  "victim/phnom-penh-appeal-hearing-2010-victim"
] AS id
MATCH (n:Entity {id: id})
DETACH DELETE n;

// 4. The seed loader writes the corrected seed-data over the graph on this start (see StartupLoading).
//    (The migration's own record carries the request, so a restore or an emptiness check sees no new node.)
MERGE (m:__CaseGraphMigration {version: 6}) SET m.seedRefresh = true;
