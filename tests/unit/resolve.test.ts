/**
 * Who a label names: context resolution against untracked actors, appositions, naming phrases, headlines, "enemy"
 * before a noun, agentless wording with an agent, repeated blocks. The sentences are real phrasings from outlets the
 * lexicon was not written on (issue 8); the default lexicon is used so that its `names:` declarations are tested too.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze.js';
import { repeatedBlocks } from '../../src/analysis/repeats.js';
import { headlineEnd } from '../../src/analysis/resolve.js';
import { buildReport } from '../../src/report/build.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { toTable } from '../../src/report/table.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import type { Document, Hit } from '../../src/types.js';
import { compileYaml } from '../helpers/lexicon.js';

const lexicon = compileLexicon(loadLexicons(['lexicons/conflict.yml']));
/** The default lexicon with the speaker's-enemy abstention switched on at 0.5 (it is off by default). */
const competing = { ...lexicon, voice: { ...lexicon.voice, context: { ...lexicon.voice.context, competeRatio: 0.5 } } };
const doc = (text: string): Document => ({ id: 'd', outlet: 'o', text, source: { file: 't' }, meta: {} });
const analyze = (text: string) => analyzeDocument(doc(text), lexicon);
/** Whether no label hit covers `surface` (a word that names an untracked actor, or no actor, is no hit). */
const noHit = (text: string, surface: string): boolean => {
  const at = text.indexOf(surface);
  return !analyze(text).hits.some((h) => h.start < at + surface.length && h.end > at);
};
const hit = (text: string, surface: string, compiled = lexicon): Hit => {
  const found = analyzeDocument(doc(text), compiled).hits.find((h) => h.text === surface);
  if (!found) throw new Error(`no hit "${surface}" in: ${text}`);
  return found;
};

describe('the speaker of reported speech', () => {
  it('is not what the speaker calls "the regime": the label looks past the speaker to the adversary', () => {
    // Orinoco Tribune (Press TV text), 1 April 2024.
    const text = 'Israel has targeted the Iranian consulate in the Syrian capital. Iran’s Ambassador to Damascus Hossein ' +
      'Akbari confirmed the reports of the attack and said the regime had targeted the consular building with six missiles.';
    expect(hit(text, 'the regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
    // In the outlet's own voice the nearest mention still decides.
    const own = 'Israel has targeted the Iranian consulate in the Syrian capital. Iran’s ambassador met reporters. The regime has vowed revenge.';
    expect(hit(own, 'The regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
  });

  it('is not a mention before "…, adding that": the participle goes on with the speaker named first', () => {
    const text = 'The IDF said its jets struck Hezbollah targets in southern Lebanon, adding that the terrorist organization had fired 40 rockets.';
    expect(hit(text, 'terrorist organization')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('tagged by surname in a later sentence, is the side the story introduced the speaker with', () => {
    const text = 'Israel struck the consulate in Damascus. Iran’s Foreign Minister Hossein Amir-Abdollahian spoke on Tuesday. ' +
      '“The regime will pay for this crime,” Amir-Abdollahian said.';
    expect(hit(text, 'The regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
    // A later tag is no introduction: the first naming of the person decides.
    const later = 'Iran fired missiles at Israel. Israeli Prime Minister Benjamin Netanyahu met his cabinet. ' +
      '“The regime in Tehran will pay,” Netanyahu said. “The regime will regret this,” Netanyahu said.';
    expect(analyze(later).hits.filter((h) => h.text === 'The regime').map((h) => h.referent)).toEqual(['iran']);
    // A place before a speech verb is no surname ("…, part of the Islamic Resistance in Iraq, affirmed").
    const place = 'Resistance Strikes US Bases in Syria, Iraq\n\nThe US forces were hit. The Brigades, part of the Islamic ' +
      'Resistance in Iraq, affirmed its commitment to strikes against the enemy.';
    expect(hit(place, 'the enemy')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('tagged by "he said", is the person the story named last, with the actor before the name', () => {
    const text = 'Israel struck the consulate in Damascus. Iran’s Supreme Leader Ali Khamenei spoke on Wednesday. ' +
      '“The regime will be punished,” he said.';
    expect(hit(text, 'The regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
    const other = 'Iran fired missiles at Israel. Israel’s Prime Minister Benjamin Netanyahu met his cabinet. “The regime will pay,” he said.';
    expect(hit(other, 'The regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
    // No person named, and both states in the window: whose enemy "the regime" is, the words do not say. With
    // context.compete_ratio set, unresolved; by default (0) the nearest decides.
    expect(hit('Israel struck the consulate. Iran vowed revenge. “The regime will pay,” he said.', 'The regime', competing))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('Israel struck the consulate. Iran vowed revenge. “The regime will pay,” he said.', 'The regime'))
      .toMatchObject({ referent: 'iran', resolution: 'context' });
  });

  it('may be what the speaker calls by a neutral or positive label ("its mujahideen")', () => {
    const text = 'US forces struck a base near Qaim. The Islamic Resistance in Iraq said its mujahideen had targeted the Victory base.';
    expect(hit(text, 'mujahideen')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('theatres: a place after the label', () => {
  it('"the crimes of the enemy in the Gaza Strip" is Israel even with US forces named nearer', () => {
    // Uzbekistan News Gazette (Azerbaijan State News Agency), November 2023.
    const text = 'The organization called the attack on the American base a response to "the crimes of the enemy in the Gaza Strip."';
    expect(hit(text, 'the enemy')).toMatchObject({ referent: 'israel', resolution: 'context' });
  });

  it('"militants in Gaza" are Palestinian after an Iraqi group, and "militants in Iraq" are not', () => {
    expect(hit('Kataib Hezbollah fired rockets at the base. The militants in Gaza still hold hostages.', 'militants'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
    expect(hit('Hamas fired rockets at Sderot. The militants in Iraq fired drones at the base.', 'militants'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('"This coalition" right after the Axis of Resistance is not the US-led coalition named before', () => {
    const text = 'US forces struck targets in Iraq. Iran arms groups in Iraq, Lebanon and Yemen, which call themselves the ' +
      'Axis of Resistance. This coalition has fired at Israel.';
    expect(hit(text, 'This coalition')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // A fitting mention with the label's head just before still decides over the nearer actor.
    const regime = 'The Zionist regime\'s crimes against the Palestinian people in Gaza have diminished this regime in the world\'s eyes.';
    expect(hit(regime, 'this regime')).toMatchObject({ referent: 'israel', resolution: 'context' });
  });

  it('"militants within Iraq" are of the Iraqi theatre, as "militants in Iraq" are', () => {
    const text = 'Hamas fired rockets at Israel on Monday. Officials said militants within Iraq also launched drones at the base.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('keeps "jihadists" after the Islamic State unresolved, and after an Iraqi group takes the group', () => {
    expect(hit('Kataib Hezbollah fired drones at the base. The Islamic State claimed a bombing in Kirkuk. The jihadists fled.', 'jihadists'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('Kataib Hezbollah fired drones at the base. Biden said jihadists had killed three soldiers.', 'jihadists'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('reads a place after a compass word ("in the northern Gaza Strip", "in eastern Iraq")', () => {
    const text = 'Kataib Hezbollah fired drones at the base. A soldier was killed in combat with resistance fighters in the northern Gaza Strip.';
    expect(hit(text, 'resistance fighters')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    expect(hit('Hamas fired rockets at Sderot. The militants in eastern Iraq fired drones at the base.', 'militants'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('reads "the region" as a theatre of every referent but the Palestinians (1.3.36)', () => {
    // Made-up sentences in the shape of batch u's neonews quotation: Hamas calls on the others.
    expect(hit('Hamas fired rockets at Israel. “We call on the resistance forces in the region to join the battle,” the group said.', 'the resistance forces'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit('Hamas praised the resistance groups across the Middle East for their support.', 'the resistance groups'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // "regional" before the label says where the men are from, as "Yemeni" does.
    expect(hit('A Hamas official thanked the regional resistance factions.', 'resistance factions'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // Without the region the look-back still takes Hamas; a place of its own still decides.
    expect(hit('Hamas praised the resistance groups for their support.', 'the resistance groups'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
    expect(hit('Hezbollah fired rockets at Israel. The militants in Gaza have vowed more attacks.', 'militants'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
    // "the region of X" is where X is, not the region as a whole: the look-back decides as before.
    expect(hit('Hamas fighters attacked Israeli troops. The militants in the region of Rafah have vowed more attacks.', 'militants'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
    // Two referents the label may take both act region-wide: the region decides nothing ("the occupation forces").
    expect(hit('Iran-backed militias attacked U.S. forces in Iraq. The occupation forces in the region will be expelled, Kataib Hezbollah said.', 'occupation forces'))
      .toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('takes up a new subject past an epithet with the same head read before (1.3.36)', () => {
    // Made-up: the story moves from Hamas to Hezbollah; "the militant group" follows it.
    const moved = 'Israel and Hamas agreed to extend the truce. The militant group released 10 hostages on Wednesday. ' +
      'Hezbollah fired rockets at Israel, which responded with air strikes. The militant group said it targeted a barracks.';
    const groups = analyze(moved).hits.filter((h) => h.text === 'militant group').map((h) => h.referent);
    expect(groups).toEqual(['palestinians', 'armed-groups']);
    // Named only in passing, not as a sentence's subject, the other group does not take the epithet over.
    const passing = 'Israel and Hamas agreed to extend the truce. The militant group released 10 hostages on Wednesday. ' +
      'Israel said it also struck Hezbollah in Lebanon. The militant group said more hostages would be freed.';
    expect(analyze(passing).hits.filter((h) => h.text === 'militant group').map((h) => h.referent)).toEqual(['palestinians', 'palestinians']);
  });

  it('leaves the label to the untracked actor named nearer ("ISIS … the militants in Syria")', () => {
    expect(hit('ISIS cells attacked a checkpoint near Deir ez-Zor. The militants in Syria fled.', 'militants'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('reads theatres from any lexicon and checks their referents', () => {
    const yaml = (actors: string) => `lexicon: t
version: 1
referents:
  - { id: a, label: A }
  - { id: b, label: B }
theatres:
  - { places: [Ruritania, the Old Town], actors: [${actors}] }
labels:
  - { id: the-foe, resolve: [a, b], category: actor-label, weight: -1, patterns: [the foe], rationale: r }
  - { id: a-name, referent: a, category: actor-label, weight: 0, patterns: [Alpha], rationale: r }
`;
    const compiled = compileYaml(yaml('b'));
    const found = analyzeDocument(doc('Alpha met the press. The foe in the Old Town struck.'), compiled).hits.find((h) => h.label === 'the-foe');
    expect(found).toMatchObject({ referent: 'b', resolution: 'context' });
    expect(() => compileYaml(yaml('c'))).toThrow(/test\.yml:7:.*unknown referent "c"/);
  });
});

describe('a nationality glued before a label or a name (a theatre\'s `demonyms`)', () => {
  it('"Yemeni militants" after "Palestinian militants" are of Yemen\'s theatre, not the same-head mention before', () => {
    const text = 'Western allies back Israel in its war with Palestinian militants in Gaza. Officials said most attacks by ' +
      'Yemeni militants miss their targets.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // Without the nationality the same-head mention still decides.
    const bare = 'Western allies back Israel in its war with Palestinian militants in Gaza. Officials said most attacks by ' +
      'the militants miss their targets.';
    expect(hit(bare, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('a nationality of a theatre with several fitting actors leaves the label to the look-back', () => {
    // Lebanon's actors include both the armed groups and the Palestinians: "Lebanese" decides nothing.
    const text = 'Hamas fired rockets from Gaza on Monday. The Lebanese militants said they would join.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('"the Palestinian Islamic Resistance" is no mention of the Iraqi or Lebanese Islamic Resistance', () => {
    const text = 'The commander met leaders of the Palestinian resistance movement. “The response of the Palestinian ' +
      'Islamic Resistance shows that the resistance can take power,” he said.';
    expect(hit(text, 'the resistance')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    // A nationality of the name's own theatre keeps it ("the Lebanese Islamic Resistance" is Hezbollah's wing).
    const own = 'Hamas leaders met in Doha. “The Lebanese Islamic Resistance shows that the resistance can fight,” he said.';
    expect(hit(own, 'the resistance')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('does not read the end of a compound as a nationality ("pro-Iranian Hezbollah")', () => {
    const text = 'Two men were wounded, but sources did not say whether they belonged to the pro-Iranian Hezbollah movement.';
    expect(hit(text, 'pro-Iranian')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('reads demonyms from any lexicon and refuses one of several words, naming the file and line', () => {
    const yaml = (demonyms: string) => `lexicon: t
version: 1
referents:
  - { id: a, label: A }
  - { id: b, label: B }
classes:
  descriptor: { members: [Ruritanian] }
  group-noun: { members: [band] }
theatres:
  - { places: [Ruritania], actors: [b], demonyms: [${demonyms}] }
labels:
  - { id: the-band, resolve: [a, b], category: actor-label, weight: -1, patterns: [band], rationale: r }
  - { id: a-name, referent: a, category: actor-label, weight: 0, patterns: [Alpha], rationale: r }
`;
    const found = analyzeDocument(doc('Alpha met the press. A Ruritanian band struck.'), compileYaml(yaml('Ruritanian')))
      .hits.find((h) => h.label === 'the-band');
    expect(found).toMatchObject({ referent: 'b', resolution: 'context' });
    expect(() => compileYaml(yaml('Old Ruritanian'))).toThrow(/test\.yml:10:.*a demonym is one word/);
  });
});

describe('a nationality says who the men are (a theatre\'s `people`, lexicon 1.3.17)', () => {
  it('"Gazan terrorists" are the Palestinian groups, though Israel fights in Gaza too (dev jns, audit prec9)', () => {
    const text = 'Israeli troops killed 10 Gazan terrorists who infiltrated Israel through a tunnel.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('a nationality of no referent the label may take leaves it unresolved ("Israeli militants", "Iranian militants")', () => {
    // "Israeli terrorists" was the example until lexicon 1.3.34 made it a fixed label of Israel
    // (israeli-terrorist-forces, the mirror of us-terrorist-forces); the rule is the same with "militants".
    const text = 'Hamas fighters held the line. The Israeli militants stormed the camp at night.';
    expect(hit(text, 'militants').referent).toBeNull();
    expect(hit('Hamas fired rockets. Later Iranian militants were seen in the south.', 'militants').referent).toBeNull();
  });

  it('reads `people` from any lexicon and refuses one that is none of the place\'s actors, naming the file and line', () => {
    const yaml = (people: string) => `lexicon: t
version: 1
referents:
  - { id: a, label: A }
  - { id: b, label: B }
classes:
  group-noun: { members: [band] }
theatres:
  - { places: [Ruritania], actors: [a, b], demonyms: [Ruritanian], people: [${people}] }
labels:
  - { id: the-band, resolve: [a, b], category: actor-label, weight: -1, patterns: [band], rationale: r }
  - { id: a-name, referent: a, category: actor-label, weight: 0, patterns: [Alpha], rationale: r }
`;
    const found = analyzeDocument(doc('Alpha met the press. A Ruritanian band struck.'), compileYaml(yaml('b')))
      .hits.find((h) => h.label === 'the-band');
    expect(found).toMatchObject({ referent: 'b', resolution: 'context' });
    expect(() => compileYaml(yaml('c'))).toThrow(/test\.yml:9:.*the people of a place are among its actors/);
  });
});

describe('the scene: theatre places named before a label with no antecedent (rule 5c, context.scene_actors)', () => {
  it('"In Rafah, troops used a drone to strike an armed terrorist" names a Palestinian gunman', () => {
    const text = 'The army said its engineers had finished the work. In Rafah, troops used a drone to strike an armed terrorist.';
    expect(hit(text, 'terrorist')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    // A place of the sentences before counts too, within antecedent_sentences.
    const before = 'The raid took place in the southern Gaza Strip overnight. The soldiers met a group of militants at a shaft.';
    expect(hit(before, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('leaves the label unresolved where the places leave two referents, or where three referents fight', () => {
    // Gaza leaves the Palestinians, Iraq the armed groups: no one scene.
    const two = 'Drones were launched in Iraq. Tanks moved in Gaza. The militants fired back.';
    expect(hit(two, 'militants')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Syria's own civil war is fought by sides the lexicon does not track: the place sets no scene.
    const syria = 'Thousands of fighters crossed from Turkey into Syria. The militants attacked the city.';
    expect(hit(syria, 'militants')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('does not read a place inside a compound ("the Israel-Gaza war") and is off with scene_actors 0', () => {
    const compound = 'Attacks have risen since the Israel-Gaza war began. Militants fired rockets at the base.';
    expect(hit(compound, 'Militants')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const off = { ...lexicon, voice: { ...lexicon.voice, context: { ...lexicon.voice.context, sceneActors: 0 } } };
    const text = 'The army said its engineers had finished the work. In Rafah, troops used a drone to strike an armed terrorist.';
    expect(hit(text, 'terrorist', off)).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('untracked actors are antecedents', () => {
  it('"the terror organization" after the Islamic State is not the Iraqi armed groups', () => {
    const text = 'Kataib Hezbollah claimed the attack on the base. Islamic State cells remain active in the desert. ' +
      'Despite the defeat of the terror organization in 2017, its fighters still stage ambushes.';
    expect(hit(text, 'terror organization')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Without the Islamic State in between, the same label takes the armed groups.
    const without = 'Kataib Hezbollah claimed the attack on the base. The terror organization vowed more strikes.';
    expect(hit(without, 'terror organization')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('"the regime" after Syria\'s government is not Israel', () => {
    const text = 'Israel struck a building near Damascus. The Assad government condemned the strike. The regime said it would respond.';
    expect(hit(text, 'The regime')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const iran = 'Israel struck a building near Damascus. Tehran condemned the strike. The regime said it would respond.';
    expect(hit(iran, 'The regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
  });

  it('a label glued to a media outlet describes the outlet: no label of a referent, so no hit', () => {
    const text = 'Hamas fighters clashed with troops in Gaza. Lebanon\'s Iran-aligned Al Mayadeen TV broadcast the footage.';
    expect(noHit(text, 'Iran-aligned')).toBe(true);
    // Glued to a tracked name, the label is a label of its referent.
    expect(hit('Hamas fighters clashed with troops in Gaza. Iran-aligned Hezbollah fired rockets.', 'Iran-aligned'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('a name in quotation marks right after the label is its name ("the terrorist organization “ISIS”")', () => {
    const text = 'Kataib Hezbollah fired drones at the base. The coalition was formed to combat the terrorist organization “ISIS” in 2014.';
    expect(noHit(text, 'terrorist organization')).toBe(true);
    const tracked = 'Hamas fighters clashed with troops in Gaza. The drone was launched by the armed group “Kataib Hezbollah” on Sunday.';
    expect(hit(tracked, 'armed group')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('a label glued to an untracked actor describes that actor ("Islamic State militants"): no hit', () => {
    const text = 'Hamas fighters clashed with troops in Gaza. About 900 US troops are in Syria to prevent a resurgence of Islamic State militants.';
    expect(noHit(text, 'militants')).toBe(true);
  });

  it('"the Kurdish anti-terror group" is a Kurdish security service, not a label of the armed groups', () => {
    const result = analyze('A drone struck Harir base, the Kurdish anti-terror group said in a statement.');
    expect(result.hits.filter((h) => h.referent === 'armed-groups')).toEqual([]);
    expect(result.names.map((n) => n.name)).toContain('kurdish-security-services');
  });

  it('a nationality before a group noun says where the group is from, not who it is ("The Lebanese terrorist organization")', () => {
    const text = 'Hezbollah fired rockets at northern Israel. The Lebanese terrorist organization has killed about 40 Israelis.';
    expect(hit(text, 'terrorist organization')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // A capitalised word the lexicon does not list as a descriptor still specifies in place ("the Assad regime").
    expect(hit('Hezbollah fired rockets at northern Israel. The Assad terrorist organization struck.', 'terrorist organization'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('a from-phrase that names a referent decides ("militants from Hamas"); a place leaves the look-back to decide', () => {
    const text = 'Kataib Hezbollah fired rockets at the base. More than 1,200 people were killed by militants from Hamas and other groups.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    const place = 'Hamas fired rockets. Militants from Gaza fired again.';
    expect(hit(place, 'Militants')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('a from-phrase that names a theatre is read as "in" is: "militants from Iraq" after Hamas are the Iraqi groups', () => {
    expect(hit('Hamas fired rockets at Sderot. Militants from Iraq launched a drone at the base.', 'Militants'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // A compound modifier has its place after the noun it modifies.
    expect(hit('Hamas fired rockets at Sderot. Iran-backed Islamists from Iraq launched a drone at the base.', 'Iran-backed'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // A place that is no theatre still leaves it to the look-back.
    expect(hit('Hamas fired rockets at Sderot. Militants from Jordan launched a drone at the base.', 'Militants'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('a definite label takes up a fitting mention with its head noun beyond the window, when nothing nearer fits', () => {
    const filler = 'The drones were shot down. No one was hurt. The base is in the desert. Officials met on Sunday. ';
    const text = 'Iran-backed militant groups fired drones at the base. ' + filler + 'Biden vowed to strike the militant groups.';
    expect(hit(text, 'militant groups')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // An indefinite label introduces someone new.
    const indefinite = 'Iran-backed militant groups fired drones at the base. ' + filler + 'Biden vowed to strike militant groups.';
    expect(hit(indefinite, 'militant groups')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Hamas named within the window still decides, as before.
    const near = 'Iran-backed militant groups fired drones at the base. ' + filler + 'Hamas fired rockets. The militant groups vowed more.';
    expect(hit(near, 'militant groups')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('with nothing before it, a label takes a fitting mention just ahead that repeats its head noun', () => {
    const open = 'The statement came on Tuesday. It was read on television. ';
    const text = open + '“We suspend operations against the occupation forces,” the spokesman said. ' +
      'The group has attacked US occupation forces since October.';
    expect(hit(text, 'occupation forces')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
    // Another head noun ahead is no antecedent of it.
    const other = open + '“We suspend operations against the occupation forces,” the spokesman said. The group has attacked US troops.';
    expect(hit(other, 'occupation forces')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('the PKK named nearer than Hezbollah is what "the militants" means', () => {
    expect(hit('Hezbollah fired rockets. Turkey says the PKK is behind the bombing. The militants denied it.', 'militants'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('an actor that is a campaign\'s target does not block ("the coalition against ISIS")', () => {
    const text = 'The Islamic Resistance in Iraq claimed the attack. The base hosts the coalition against ISIS. ' +
      'Officials said the attacks carried out by armed factions undermine the fight.';
    expect(hit(text, 'armed factions')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('"enemy" before a noun is the speaker\'s side', () => {
  it('does not score "the enemy drone" against whoever is named nearby', () => {
    const text = 'US forces at Tower 22 were hit. As the enemy drone was flying in at a low altitude, an American drone was returning.';
    expect(analyze(text).hits.filter((h) => h.label === 'the-enemy')).toEqual([]);
    expect(hit('US forces at Tower 22 were hit. The enemy was not identified.', 'The enemy')).toMatchObject({ label: 'the-enemy', referent: 'us-forces' });
  });

  it('does not score "the enemy" before a unit or a munition ("the enemy battalion", "the enemy shells"; ctx8 hand-off)', () => {
    expect(analyze('Hamas fired. The IDF deepened the damage to the enemy battalion.').hits.filter((h) => h.label === 'the-enemy')).toEqual([]);
    expect(analyze('Hamas fired. The enemy shells hit the building.').hits.filter((h) => h.label === 'the-enemy')).toEqual([]);
  });

  it('keeps "enemy forces" a label', () => {
    expect(hit('Israel struck Gaza. Enemy forces withdrew.', 'Enemy forces')).toMatchObject({ referent: 'israel' });
  });
});

describe('appositions and naming phrases tie a label to its name', () => {
  it('after the name\'s comma ("Kataib Hezbollah, a militant group,")', () => {
    const text = 'Hamas leaders met in Doha. Kataib Hezbollah, a militant group, denied any role.';
    expect(hit(text, 'militant group')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('after an untracked name\'s comma the label describes that name: no hit ("the SDF, a Kurdish-led militia group")', () => {
    const text = 'Hamas leaders met in Doha. The SDF, an armed group backed by Washington, denied any role.';
    expect(noHit(text, 'armed group')).toBe(true);
  });

  it('a relative clause right after a name\'s comma describes that name ("Al Mayadeen, which is backed by Iran,")', () => {
    const text = 'Hamas fighters clashed with troops in Gaza. Al Mayadeen, which is backed by Iran, broadcast the footage.';
    expect(noHit(text, 'which is backed by Iran')).toBe(true);
    const houthis = 'Hamas fighters clashed with troops. The Houthis, who are also backed by Iran, attacked a ship.';
    expect(hit(houthis, 'who are also backed by Iran')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('before a name set off by commas, but not before a speaker', () => {
    const text = 'Palestinians marched in Gaza. The attack was claimed by a resistance group, Kataib Hezbollah, on Sunday.';
    expect(hit(text, 'resistance group')).toMatchObject({ referent: 'armed-groups' });
    const speech = 'Hamas said the attack was a warning. US forces hit back at the militants, Hezbollah said.';
    expect(hit(speech, 'militants')).toMatchObject({ referent: 'palestinians' });
  });

  it('ahead of "calling itself" and "known as"', () => {
    const text = 'Hamas fighters crossed the border. In Iraq, an umbrella group calling itself the Islamic Resistance in Iraq claimed the attack.';
    expect(hit(text, 'umbrella group')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('through the rest of the noun phrase ("the Iranian-backed Lebanese party Hezbollah")', () => {
    const text = 'Hamas launched its attack on Israel. Since then the Iranian-backed Lebanese party Hezbollah has joined in, ' +
      'and the Iran-aligned Lebanese broadcaster Al Mayadeen reported it.';
    expect(hit(text, 'Iranian-backed')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(noHit(text, 'Iran-aligned')).toBe(true);
  });

  it('a modifier of an attack is not a label of an actor ("Iran-backed attacks on US troops")', () => {
    // Not counted at all since lexicon 1.3.4 (the act-noun class): no group is named, so nothing is left to resolve.
    const text = 'Iran-backed attacks on US troops\n\nHamas fighters and Kataib Hezbollah have claimed 150 attacks.';
    expect(analyze(text).hits.map((h) => h.text)).not.toContain('Iran-backed');
  });
});

describe('headlines resolve from the lead', () => {
  it('finds the headline line and takes the actor of the lead', () => {
    const text = 'Militants strike again near the border\n\nHezbollah fired dozens of rockets at northern Israel on Thursday.';
    expect(headlineEnd(text)).toBe(text.indexOf('\n'));
    expect(hit(text, 'Militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(headlineEnd('A sentence of prose.\nAnother one.')).toBe(0);
  });
});

describe('agentless wording counts only without an agent in its clause', () => {
  it('"were killed in a US drone strike" and "killed by an Iranian drone" name the agent', () => {
    expect(analyze('Three commanders were killed in a US drone strike in Baghdad.').hits.filter((h) => h.label === 'agentless-killing')).toEqual([]);
    expect(analyze('Three soldiers were killed this weekend by an Iranian drone.').hits.filter((h) => h.label === 'agentless-killing')).toEqual([]);
  });

  it('"were killed" alone, or with a place, has none', () => {
    expect(hit('Three soldiers were killed on Sunday.', 'were killed')).toMatchObject({ label: 'agentless-killing', weight: -1 });
    expect(hit('More than 30,000 Palestinians have been killed in the besieged enclave since October.', 'have been killed'))
      .toMatchObject({ label: 'agentless-killing' });
    expect(hit('Two people were killed in a drone strike.', 'were killed')).toMatchObject({ label: 'agentless-killing' });
  });
});

describe('a word that is a noun and an adjective counts as a noun only (noun: true)', () => {
  const labelsOf = (text: string) => analyze(text).hits.filter((h) => h.category === 'actor-label').map((h) => [h.text, h.referent]);
  it('reads the singular as a label where its phrase ends at it', () => {
    expect(labelsOf('Hezbollah fired rockets at the north. The army said it killed a terrorist in the south.'))
      .toEqual([['terrorist', 'armed-groups']]);
    expect(labelsOf('Hezbollah fired rockets at the north. The terrorist who fired them fled.')).toEqual([['terrorist', 'armed-groups']]);
    // A plural is always a noun: "militants fired" stays a label though a verb follows.
    expect(labelsOf('Hezbollah fired rockets at the north. Militants fired more rockets.')).toEqual([['Militants', 'armed-groups']]);
  });

  it('leaves the adjective alone: "a terrorist hideout", "militant activity", "extremist and terrorist groups"', () => {
    // "a terrorist cell" is a group of the men, a label like "terrorist cells" (lexicon 1.3.35), so not an example here.
    expect(labelsOf('Hezbollah fired rockets. Troops raided a terrorist hideout and seized terrorist financing records.')).toEqual([]);
    expect(labelsOf('Hezbollah fired rockets. Militant activity fell in the south.')).toEqual([]);
    expect(labelsOf('Hezbollah fired rockets. Extremist and terrorist groups were named.').map((l) => l[0])).toEqual(['terrorist groups']);
  });

  it('reads two such words side by side the same way: "his extremist terrorist coalition" (1.3.29)', () => {
    // Two labels joined into one phrase end in the word that may be an adjective: a noun only where the phrase ends.
    expect(labelsOf('Hamas accused Israel of breaking the truce. It blamed the premier and his extremist terrorist coalition.'))
      .toEqual([['Hamas', 'palestinians'], ['Israel', 'israel']]);
    expect(labelsOf('Hezbollah fired rockets at the north. The army said it killed an extremist terrorist in the south.'))
      .toEqual([['extremist terrorist', 'armed-groups']]);
  });

  it('is validated on load', () => {
    const base = 'lexicon: t\nversion: 1.0.0\nreferents:\n  - { id: a, label: A }\nlabels:\n  - id: x\n    referent: a\n    category: actor-label\n    weight: -1\n    rationale: r\n    patterns: [x]\n';
    expect(() => compileYaml(`${base}    noun: yes please\n`)).toThrow(/"noun" must be true or false/);
  });
});

describe('a definite label takes up the mention that repeats its head noun', () => {
  it('prefers "the Islamic Resistance in Iraq" to nearer Palestinians for "The resistance"', () => {
    const text = 'The Islamic Resistance in Iraq said it had struck the base. Israel has killed thousands of Palestinians in Gaza. ' +
      'The resistance has also targeted other US bases in Iraq.';
    expect(hit(text, 'The resistance')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // Without a mention that repeats the head, the nearest fitting one still wins.
    const plain = 'Kataib Hezbollah said it had struck the base. Israel has killed thousands of Palestinians in Gaza. ' +
      'The resistance has also vowed to fight on.';
    expect(hit(plain, 'The resistance')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('does not pass over a name in its own sentence: "the war on Hamas, triggered by the militant group\'s raid"', () => {
    const text = 'Fighters of the Lebanese militant group Hezbollah trained near the border. Israel fights a war against ' +
      'Hamas triggered by the militant group\'s raid on October 7.';
    // "Fighters of the Lebanese militant group" is one phrase (a descriptor may stand after "of"; lexicons/README.md).
    const found = analyze(text).hits.filter((h) => h.text.endsWith('militant group')).map((h) => h.referent);
    expect(found).toEqual(['armed-groups', 'palestinians']);
    // The same words a sentence later still take up the mention with the head noun.
    const later = 'Fighters of the Lebanese militant group Hezbollah trained near the border. Israel fights a war against ' +
      'Hamas in Gaza. The militant group fired rockets at Metula.';
    expect(analyze(later).hits.filter((h) => h.text.endsWith('militant group')).map((h) => h.referent)).toEqual(['armed-groups', 'armed-groups']);
  });

  it('reads the repeated noun in either number: "The other terrorist" takes up "Hezbollah terrorists" (1.3.29)', () => {
    // The singular head repeats the nearer plural, not the same spelling inside a phrase further back.
    const text = 'The army has struck Hezbollah and Hamas terrorist infrastructure in the south for weeks. Two Hezbollah ' +
      'terrorists were killed on Saturday. One of them had helped the group rebuild. The other terrorist was its ' +
      'representative in the village.';
    expect(hit(text, 'terrorist')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // The same spelling still counts: without the plural mention, the phrase further back is taken up as before.
    const same = 'The army has struck Hamas terrorist infrastructure in the south for weeks. Hezbollah fired rockets on ' +
      'Saturday. The other terrorist was a commander.';
    expect(hit(same, 'terrorist')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});

describe('a first-person label in speech names the speaker’s side (first-person: true)', () => {
  it('takes the side of the speaker tagged in its sentence, not the actor named last', () => {
    const text = 'Israeli forces struck targets in Gaza on Monday. “Attacks on our troops will not go unanswered,” a White House spokesman said.';
    expect(hit(text, 'our troops')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('takes the side of the speaker of the paragraph before, when the quotation goes on without a tag', () => {
    const text = 'Israeli forces struck targets in Gaza on Monday. Drones were launched at a base in Syria. The base was hit twice.\n\n' +
      '“We are worried about escalation,” Defense Secretary Lloyd Austin said on Sunday.\n\n' +
      '“What we are seeing is the prospect of attacks on our troops throughout the region.”';
    expect(hit(text, 'our troops')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('leaves it unresolved when the speaker is of another side, or when no speaker of a side is named', () => {
    expect(hit('US forces struck Sanaa. Hezbollah said: “Our forces will answer the aggression.”', 'Our forces'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('US forces struck Sanaa on Monday. “Our forces will answer,” the spokesman Yahya Saree said.', 'Our forces'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('US forces were attacked again. “Our forces will be protected,” the Pentagon said.', 'Our forces'))
      .toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('does not take the side of an actor that a comma separates from the speaker ("US troops, Israeli general … said")', () => {
    // Introduced after a comma: the US troops before it are no affiliation of the general.
    const introduced = 'Drones hit a base housing US troops, Israeli general Yaron Finkelman said on Monday. ' +
      '“Our troops are ready in the south,” Finkelman said.';
    expect(hit(introduced, 'Our troops')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // The tag of the sentence before: "US troops, … said" does not make the US troops the speaker.
    const before = 'Drones hit a base housing US troops, an Israeli general said on Monday. “Our troops are ready in the south.”';
    expect(hit(before, 'Our troops')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('takes a side only from a name that speaks, not from one named as a topic ("The Pentagon sent more jets")', () => {
    expect(hit('The Pentagon sent more jets. Herzi Halevi, the military chief, said: “Our troops are ready to enter Rafah.”', 'Our troops'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('Biden urged Israel to show restraint. Herzi Halevi, the military chief, said: “Our troops are ready.”', 'Our troops'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('takes the side of the tag after a quotation that goes on past the label\'s sentence (us-lawmakers)', () => {
    const text = 'Iran-backed militias struck Tower 22. "Our troops have been attacked more than 160 times. The mullahs ' +
      'understand only strength," a senior Republican senator said on Monday.';
    expect(hit(text, 'Our troops')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
    const houthi = 'US forces struck Sanaa. “Our forces will answer. The aggression will fail,” the Houthi spokesman Yahya Saree said.';
    expect(hit(houthi, 'Our forces')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('takes the side of a military spokesperson named as the speaker (military-spokespeople split by side)', () => {
    expect(hit('Hamas fired rockets. IDF spokesman Daniel Hagari said: “Our troops are operating in Khan Younis.”', 'Our troops'))
      .toMatchObject({ referent: 'israel', resolution: 'context' });
    expect(hit('Israeli jets struck Gaza. A US military spokesman said: “Our forces shot down two drones.”', 'Our forces'))
      .toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('takes the side of the US president named as the speaker (the lexicon\'s us-president name has side: us-forces)', () => {
    const text = 'Israeli forces struck Gaza on Monday. US President Joe Biden said in a statement: “Today, America’s heart is ' +
      'heavy. Last night, three US service members were killed during a drone attack on our forces stationed in Jordan.”';
    expect(hit(text, 'our forces')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
    expect(hit('Israeli forces struck Gaza on Monday. President Biden on X: "A drone attack on our forces killed three."', 'our forces'))
      .toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('takes the side of a speaker tagged by surname from where the story introduced the speaker', () => {
    const filler = 'The drones were shot down. No one was hurt. The base is in the desert. Two more attacks followed. ' +
      'Officials met on Sunday. ';
    const text = 'Two drones were downed, according to Brig. Gen. Pat Ryder, the top Pentagon spokesman. ' + filler +
      '“We will do everything to ensure our forces are protected,” Ryder said.';
    expect(hit(text, 'our forces')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
    // Introduced as a speaker of another side: not the US forces, though they were named nearer.
    const other = 'Hezbollah official Ali Fayyad spoke on Monday. ' + filler + 'US forces were attacked. ' +
      '“We will protect our forces,” Fayyad said.';
    expect(hit(other, 'our forces')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('in the outlet’s narration still takes the nearest side named', () => {
    expect(hit('Israeli forces struck Gaza on Monday. Our troops deserve better than this.', 'Our troops'))
      .toMatchObject({ referent: 'israel', voice: 'author' });
  });

  it('is validated on load: a side must be a referent, and a first-person label needs resolve', () => {
    const head = 'lexicon: t\nversion: 1.0.0\nreferents:\n  - { id: a, label: A }\n';
    expect(() => compileYaml(`${head}names:\n  - { id: s, side: b, patterns: [Speaker] }\n`)).toThrow(/b/);
    expect(() => compileYaml(`${head}labels:\n  - { id: x, referent: a, first-person: true, category: actor-label, weight: 1, rationale: r, patterns: [our x] }\n`))
      .toThrow(/first-person label takes its referent from the speaker/);
  });
});

describe('a function word that opens a sentence does not specify a label', () => {
  it('resolves "A militant was killed" and "These fighters" as it resolves "the militant"', () => {
    expect(hit('Hezbollah fired rockets at the north. A militant was killed in the strike.', 'militant'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit('Kataib Hezbollah claimed the attack. These fighters have struck the base before.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // A capitalised name still specifies: "Sinjar fighters" are not the group named before.
    expect(hit('Kataib Hezbollah claimed the attack. Sinjar fighters have struck the base before.', 'fighters'))
      .toMatchObject({ resolution: 'unresolved' });
  });
});

describe('repeated blocks count once', () => {
  it('drops the hits of a paragraph or caption printed twice, and says how many blocks were collapsed', () => {
    const caption = 'Iran-backed militias fired rockets at the base (Photo: AFP)';
    const text = `${caption}\n\nThe militias have claimed dozens of attacks on US forces.\n\n${caption}\n\nNo one was hurt.`;
    const result = analyze(text);
    expect(result.hits.filter((h) => h.text === 'Iran-backed militias')).toHaveLength(1);
    expect(result.collapsedBlocks).toBe(1);
    expect(analyze('US forces were attacked.\nUS forces responded.').collapsedBlocks).toBeUndefined();
  });

  it('the report says how many blocks were collapsed, per document and in all', () => {
    const caption = 'Iran-backed militias fired rockets at the base (Photo: AFP)';
    const twice = doc(`${caption}\n\nThe militias claimed it.\n\n${caption}`);
    const once = { ...doc('US forces responded with strikes in Syria.'), id: 'e' };
    const analyses = [twice, once].map((d) => analyzeDocument(d, lexicon));
    const report = buildReport({ documents: [twice, once], analyses, skipped: [], lexicon: lexicon.lexicon }, { resamples: 20 });
    expect(report.corpus.collapsedBlocks).toBe(1);
    expect(report.documents.map((d) => d.collapsedBlocks)).toEqual([1, undefined]);
    expect(toMarkdown(report)).toContain('1 repeated block(s) (a headline, caption or paragraph printed twice in one document) counted once, in 1 document(s).');
    expect(toTable(report)).toContain('1 repeated block(s) (headline, caption or paragraph printed twice in a document) counted once');
  });

  it('collapses a hard-wrapped paragraph whole, short last line included, and never short lines alone', () => {
    const paragraph = 'The resistance said the attack targeted\nthe occupation forces at the base near\nthe border.';
    const text = `${paragraph}\n\nMore text follows here.\n\n${paragraph}\n\nShare\n\nShare`;
    const { spans, collapsed } = repeatedBlocks(text);
    expect(collapsed).toBe(1);
    expect(spans).toEqual([{ start: text.lastIndexOf(paragraph), end: text.lastIndexOf(paragraph) + paragraph.length }]);
  });
});

describe('steps that walk the matches with pointers keep their results', () => {
  it('skips the place of every dateline and attaches each device to the referent before it in its sentence', () => {
    const text = 'TEHRAN (IRNA) - Israel struck again.\n\nJERUSALEM, Jan 5 (AFP) - Tehran said the Israeli army withdrew, ' +
      'and Iran reportedly agreed.\nTEHRAN, Apr. 14 - Iran said so.';
    const result = analyze(text);
    expect(result.hits.map((h) => h.text)).toEqual(['Israel', 'Tehran', 'Israeli army', 'Iran', 'Iran']);
    expect(result.devices.filter((d) => d.type !== 'negation').map((d) => [d.text, d.referent])).toEqual([
      ['said', 'iran'], ['reportedly', 'iran'], ['said', 'iran'],
    ]);
  });
});

describe('the lexicon declares untracked actors', () => {
  it('accepts antecedent-of on names without a referent, naming context labels', () => {
    const compiled = compileYaml(`lexicon: t
version: 1
referents: [{ id: a, label: A }]
names:
  - { id: isis, patterns: [ISIS], antecedent-of: [terrorists] }
labels:
  - { id: terrorists, resolve: [a], category: actor-label, weight: -2, patterns: [terrorists], rationale: r }
  - { id: a, referent: a, category: actor-label, weight: 0, patterns: [Alpha], rationale: r }
`);
    const result = analyzeDocument(doc('Alpha met. ISIS struck. The terrorists fled.'), compiled);
    expect(result.hits.find((h) => h.label === 'terrorists')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('refuses antecedent-of on a tracked name or naming a label that is not a context label, with file and line', () => {
    const bad = (names: string) => () => compileYaml(`lexicon: t
version: 1
referents: [{ id: a, label: A }]
names:
${names}
labels:
  - { id: fixed, referent: a, category: actor-label, weight: 0, patterns: [Alpha], rationale: r }
`);
    expect(bad('  - { id: x, referent: a, patterns: [X], antecedent-of: [fixed] }')).toThrow(/test\.yml:5.*"antecedent-of" is for actors the lexicon does not track/s);
    expect(bad('  - { id: x, patterns: [X], antecedent-of: [fixed] }')).toThrow(/test\.yml:5.*"fixed" is not a context label/s);
  });

  it('refuses an agentless flag that is not true or false', () => {
    expect(() => compileYaml(`lexicon: t
version: 1
referents: [{ id: a, label: A }]
labels:
  - { id: k, category: casualty, agentless: yes please, weight: -1, patterns: [died], rationale: r }
`)).toThrow(/"agentless" must be true or false/);
  });
});

// Session 6 audit of unseen outlets: each class was found on new real articles; the sentences are made up.
describe('a from-phrase names the actor its noun phrase ends in', () => {
  it('reaches a name after an article and descriptive words', () => {
    const text = 'Hamas terrorists invaded Israel last October. Since then, terrorists from the radical Islamic movement Hezbollah have shelled northern Israel.';
    const hits = analyze(text).hits.filter((h) => h.text === 'terrorists');
    expect(hits[hits.length - 1]).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('stays on no referent when the phrase ends in an actor the lexicon does not track', () => {
    const text = 'Hezbollah fired rockets at Israel. Militants from the Islamic State group attacked a checkpoint in Syria.';
    expect(hit(text, 'Militants')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('does not cross a verb to a later name', () => {
    const text = 'Hezbollah fired rockets at Israel. Fighters from the area killed Hamas members.';
    expect(hit(text, 'Fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('a definite label takes up the last noun with its head', () => {
  it('is not a referent the noun did not describe ("a coalition of Iran-backed militias … The coalition")', () => {
    const text = 'The attack killed three US troops. It was carried out by the Islamic Resistance in Iraq, a coalition of ' +
      'Iran-backed militias, according to US officials. The coalition has claimed attacks on bases housing US troops.';
    expect(hit(text, 'The coalition')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('still takes up a noun inside a mention of a referent it may take', () => {
    const text = 'The US-led coalition struck targets in Iraq on Friday. The coalition said the strikes hit weapons depots.';
    expect(hit(text, 'The coalition')).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('takes the name an apposition with that noun describes, past a nearer mention', () => {
    const text = 'Iran, a regime that Washington sanctions, fired missiles at Israel on Saturday. Officials said the regime would pay.';
    expect(hit(text, 'the regime')).toMatchObject({ referent: 'iran', resolution: 'context' });
  });
});

describe('an of-phrase owner the label may not take', () => {
  it('makes "fighters of the Zionist regime" no label at all (warplanes); an untracked owner keeps the hit', () => {
    const text = 'Hamas fired rockets at Sderot. The commander was killed in an attack by fighters of the Zionist regime on the consulate.';
    expect(analyze(text).hits.filter((h) => h.text === 'fighters')).toEqual([]);
    expect(hit(text, 'Zionist regime')).toMatchObject({ referent: 'israel' });
    expect(hit('Hamas fired rockets at Sderot. Fighters of the Islamic State attacked a checkpoint.', 'Fighters'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('a speaker named for the first time in the tag', () => {
  it('is not what the speaker disparages ("…,” Kataib Hezbollah spokesman Jaafar Husseini said)', () => {
    const text = 'Two groups demand a US withdrawal. The Badr Organization said US troops would cause instability. ' +
      'Kataib Hezbollah repeated threats to attack US forces. “US presence will be a magnet for terrorists,” ' +
      'Kataib Hezbollah spokesman Jaafar Husseini said.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('knows the Badr Organization by its short name ("…,” Badr spokesman Kareem Nuri said)', () => {
    const text = 'Kataib Hezbollah repeated threats to attack US forces. “US presence will be a magnet for terrorists,” ' +
      'Badr spokesman Kareem Nuri said.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('a speaker\'s enemy between two adversaries is left unresolved (context.compete_ratio, off by default)', () => {
  it('leaves a negative label in speech unresolved when two referents it may take are nearly as salient', () => {
    const text = 'The group attacked two US bases in Syria and a naval facility in occupied Palestine after the massacres ' +
      'of the Zionist entity. The group added that it will continue its attacks on the “strongholds of the enemies.”';
    expect(hit(text, 'the enemies', competing)).toMatchObject({ referent: null, resolution: 'unresolved' });
    // The default lexicons/voice.yml has the rule off (compete_ratio 0): the look-back decides.
    expect(hit(text, 'the enemies').resolution).toBe('context');
  });

  it('resolves it when only one of them is named', () => {
    const text = 'The group attacked two US bases in Syria. The group added that it will continue its attacks on the “strongholds of the enemies.”';
    expect(hit(text, 'the enemies', competing)).toMatchObject({ referent: 'us-forces', resolution: 'context' });
  });

  it('resolves the same label in the outlet\'s own voice to the nearest', () => {
    const text = 'The group attacked two US bases in Syria and a naval facility in occupied Palestine after the massacres ' +
      'of the Zionist entity. The group will continue its attacks on the strongholds of the enemies.';
    expect(hit(text, 'the enemies', competing).resolution).toBe('context');
  });
});

describe('a capitalised label that capitalised words go on is part of a proper name', () => {
  it('names an outlet or body, not a referent ("the Resistance News Network Telegram channel")', () => {
    const text = 'Hamas fighters clashed with Israeli troops in Gaza. The summary is taken from the Resistance News Network Telegram channel.';
    expect(hit(text, 'the Resistance')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('still resolves a capitalised label before a lowercase noun ("the Resistance fighters")', () => {
    const text = 'Hamas fighters clashed with Israeli troops in Gaza. The Resistance fighters withdrew at dawn.';
    expect(hit(text, 'The Resistance fighters')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});

describe('a place further on in the label\'s clause, with nothing before it', () => {
  it('says who acts there ("occupation forces stormed several cities in the West Bank")', () => {
    const text = 'Early on Monday morning, occupation forces stormed several cities in the West Bank, including Jenin.';
    expect(hit(text, 'occupation forces')).toMatchObject({ referent: 'israel', resolution: 'context' });
  });

  it('does not reach past punctuation ("occupation forces withdrew, and protests spread in the West Bank")', () => {
    const text = 'Early on Monday morning, occupation forces withdrew, and protests spread in the West Bank.';
    expect(hit(text, 'occupation forces')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('a possessive determiner names the owner of a neutral or positive context label', () => {
  it('gives "their … resistance" to the owner named before "their", over an earlier name with the same head', () => {
    const text = 'The Islamic Resistance struck a radar site in support of the steadfast Palestinian people in Gaza and ' +
      'their valiant and honourable resistance.';
    expect(hit(text, 'honourable resistance')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('leaves a negative label to the look-back: "its enemies" are not the owner', () => {
    const text = 'US forces left the base. Israel and its enemies traded fire, the occupiers said.';
    const found = analyze(text).hits.filter((h) => h.text === 'enemies');
    for (const h of found) expect(h.referent).not.toBe('israel');
  });

  it('does not reach past a function word', () => {
    const across = 'The Islamic Resistance struck. The Palestinian people, their leaders said, back the heroic resistance.';
    expect(hit(across, 'the heroic resistance').referent).toBe('armed-groups');
  });
});

describe('the sides of a civil war the lexicon does not track (issue 8, session 7 audit)', () => {
  it('makes a label glued to a government\'s or opposition\'s side word no label ("regime fighters")', () => {
    const text = 'Hezbollah fighters crossed into Syria last year. Rebels killed twelve regime fighters near Hama on Friday, ' +
      'and pro-government fighters shelled the town while opposition fighters withdrew.';
    expect(noHit(text, 'regime fighters')).toBe(true);
    expect(noHit(text, 'pro-government fighters')).toBe(true);
    expect(noHit(text, 'opposition fighters')).toBe(true);
    // The same label without the side word still takes the group named before.
    expect(hit('Hezbollah sent men into Syria. On Friday twelve fighters were killed near Hama.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('leaves a label the text calls unknown unresolved ("unknown gunmen")', () => {
    const text = 'Hezbollah fighters patrol the south. On Sunday, unknown gunmen attacked an army truck near the border.';
    expect(hit(text, 'gunmen')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('does not count a bare neutral noun after a count that sizes a force (gold README: bare counts; lexicon 1.3.14)', () => {
    expect(noHit('Hezbollah runs an elite unit. It is said to comprise 2,500 fighters.', 'fighters')).toBe(true);
    expect(noHit('Hamas fired rockets. Ansar Allah, with over 500,000 fighters, vowed to join.', 'fighters')).toBe(true);
    expect(noHit('Hamas fired rockets. The movement has three thousand gunmen in the city.', 'gunmen')).toBe(true);
    // A toll of the dead, an owner after the count and a framing word keep the label.
    expect(hit('Hezbollah mourned. The deaths of five fighters were announced.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit('Clashes went on. Some 300 fighters from Hezbollah crossed the border.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups' });
    expect(hit('Hamas fired rockets. Then 300 terrorists crossed the fence.', 'terrorists')).toBeDefined();
  });

  it('does not take a casualty or event phrase right after the label for a name at the end of its noun phrase (1.3.35)', () => {
    // "killed by an Israeli strike" is a casualty hit whose agent is Israel: the fighters it kills are not Israel's
    // men, so the label looks back to Hezbollah as it does before any other verb.
    const text = 'Hezbollah later mourned three fighters killed by an Israeli strike.';
    expect(hit(text, 'fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit('Hezbollah later mourned fighters killed by an Israeli strike near the border.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // A name right after the label still gives it its owner.
    expect(hit('The strike hit fighters Hezbollah had sent south.', 'fighters')).toMatchObject({ referent: 'armed-groups' });
  });

  it('reads a relation noun ("its ally") only by the name right after it, and no label without one (1.3.35)', () => {
    // Gold README C-NAMED: the label and the name are two mentions of the name's referent.
    const text = 'Hezbollah has exchanged fire with Israel in support of its ally Hamas since October.';
    expect(hit(text, 'its ally')).toMatchObject({ referent: 'palestinians', weight: 0, resolution: 'context' });
    expect(hit(text, 'Hamas')).toMatchObject({ referent: 'palestinians' });
    expect(hit('Syria and its major ally Iran said no.', 'its major ally')).toMatchObject({ referent: 'iran' });
    // Whose allies an owner has is not in the words: the United States' and Israel's allies are no label.
    expect(noHit('The United States and its allies met in London.', 'its allies')).toBe(true);
    expect(noHit('Israel thanked its closest allies for their help.', 'its closest allies')).toBe(true);
    // "ally" also matches its inflections; "their allied forces" is no label either.
    expect(noHit('Hezbollah and their allied forces attacked.', 'their allied')).toBe(true);
  });

  it('reads the allies of a sponsor coordinated before the possessive as the groups it backs ("Iran and its allies", 1.3.38)', () => {
    // Made-up sentences in the shape of wire copy: the owner in the same phrase says whose allies they are, as
    // "Iran-backed groups" says whose groups (the devset's written convention: 'Iran and its regional allies').
    for (const [text, surface] of [
      ['Iran and its allies are weighing a response to the strike.', 'its allies'],
      ['Officials fear a joint attack by Tehran and its regional allies within days.', 'its regional allies'],
      ['Iran or any of its allies could strike first, the minister said.', 'its allies'],
      ['The Islamic Republic and its closest allies vowed revenge.', 'its closest allies'],
    ]) expect(hit(text, surface)).toMatchObject({ referent: 'armed-groups', weight: 0, resolution: 'context' });
    // Another owner's allies are states, a name right after the noun names the allies, and punctuation or a verb
    // between the sponsor and the possessive leaves the owner unsaid.
    expect(noHit('Israel and its allies shot down most of the drones.', 'its allies')).toBe(true);
    expect(noHit('Washington and its allies condemned the launch.', 'its allies')).toBe(true);
    expect(noHit('Iran and its allies Russia and China met in Moscow.', 'its allies')).toBe(true);
    expect(noHit('Iran has urged its allies to show restraint.', 'its allies')).toBe(true);
    expect(noHit('Hezbollah and their allied forces attacked.', 'their allied')).toBe(true);
    expect(noHit('Iran struck Israel, and its allies watched.', 'its allies')).toBe(true);
  });

  it('knows the insurgencies of other theatres as untracked actors (other-insurgencies, 1.3.38)', () => {
    // Made-up roundup sentences: a South Asian or African outlet runs a local attack after a Gaza or Lebanon item.
    for (const [text, surface] of [
      ['Israel struck Gaza again. In Pakistan, TTP militants attacked a police post, and the terrorists were killed.', 'terrorists'],
      ['Hamas fired rockets. Taliban fighters seized a district in Afghanistan, and the militants executed prisoners.', 'militants'],
      ['Israel struck Gaza again. In Nigeria, Boko Haram gunmen killed 12 farmers. The jihadists then fled.', 'jihadists'],
      ['Hezbollah fired rockets. In Kashmir, Lashkar-e-Taiba militants attacked an army camp. The terrorists escaped.', 'terrorists'],
      ['The Houthis attacked a ship. In Congo, M23 rebels captured Goma, and the rebels paraded through the city.', 'the rebels'],
    ]) expect(hit(text, surface).referent).toBeNull();
    // A label glued to such a name is that group's men: no label of a referent at all.
    expect(noHit('Israel struck Gaza again. Boko Haram fighters killed 12 farmers in Borno.', 'fighters')).toBe(true);
    // The tracked groups keep their labels.
    expect(hit('Hamas militants attacked Israel. The militants took hostages.', 'militants')).toMatchObject({ referent: 'palestinians' });
  });

  it('reads "the military coalition" as "the coalition": US forces when they are named nearby (1.3.38)', () => {
    expect(hit('US troops remain at the base. The committee will include officers from the military coalition.', 'the military coalition'))
      .toMatchObject({ referent: 'us-forces', weight: 0, resolution: 'context' });
    // Without US forces named nearby it stays unresolved, as "the coalition" does (a government's or Saudi-led one).
    expect(hit('Netanyahu\'s government is fragile. The military coalition may collapse.', 'The military coalition').referent).toBeNull();
  });

  it('leaves a label in another theatre\'s item of a roundup unresolved (elsewhere-word, rule 4f, 1.3.38)', () => {
    // Made-up roundups in the shape of African and Latin American outlets' world briefs.
    for (const [text, surface] of [
      ['Israel struck Gaza again. In Niger, the military junta expelled French troops, and critics said the regime was isolating the country.', 'the regime'],
      ['Iran condemned the strike. Meanwhile in Venezuela, opposition leaders said the regime had rigged the vote.', 'the regime'],
      ['Hamas attacked Israel. The Nigerian army said it killed 20 terrorists in Borno state.', 'terrorists'],
      ['Hezbollah fired rockets at Israel. Kenyan police said militants attacked a bus near the border.', 'militants'],
    ]) expect(hit(text, surface).referent).toBeNull();
    // A mention in the label's own sentence keeps the ordinary reading, and a Red Sea shore is no other theatre.
    expect(hit('Nigeria\'s president condemned Israel\'s strikes, and said the occupation must end.', 'the occupation'))
      .toMatchObject({ referent: 'israel' });
    expect(hit('The Houthis attacked a ship off the Somali coast. The rebels said it was linked to Israel.', 'The rebels'))
      .toMatchObject({ referent: 'armed-groups' });
  });

  it('takes the sentence\'s subject for the speaker of a coordinated "and said", not the first verb\'s object (1.3.38)', () => {
    // Made-up sentences: the speaker names the adversary as the object of a first verb, then speaks of it.
    for (const [text, surface, referent] of [
      ['Hamas accused Israel of genocide and said the occupation would fail.', 'the occupation', 'israel'],
      ['The UN chief urged Israel to stop and said the occupation was illegal.', 'the occupation', 'israel'],
      ['Hezbollah said Israel struck a village and said the enemy would pay.', 'the enemy', 'israel'],
      ['Israel struck Hezbollah and said the terrorists had fired 40 rockets.', 'terrorists', 'armed-groups'],
    ] as const) expect(hit(text, surface)).toMatchObject({ referent, resolution: 'context' });
    // A subject after a fronted adverbial is still the speaker, not an antecedent of what it disparages.
    expect(hit('In a statement, the Houthis claimed the attack and said the enemy would pay.', 'the enemy').referent).toBeNull();
    // The speaker's own name is no scene of what it disparages: with no adversary named, the label stays open.
    expect(hit('Iran\'s foreign ministry condemned the Israeli strike and said the regime would be punished.', 'the regime').referent).toBeNull();
    expect(hit('Iran\'s foreign ministry said the regime would be punished.', 'the regime').referent).toBeNull();
    // A place that is no speaker still sets the scene.
    expect(hit('In Tehran, thousands rallied. They said the regime must fall.', 'the regime')).toMatchObject({ referent: 'iran' });
  });

  it('does not take the subject of an earlier clause for the speaker after ", and" (1.3.38)', () => {
    // "Boko Haram attacked …, and the army said the terrorists fled": the army speaks, so Boko Haram is no speaker
    // to look past; it is what the army's "terrorists" means (unresolved), not Hezbollah named before.
    const text = 'Hezbollah fired rockets at Israel. In Cameroon, Boko Haram attacked a school, and the army said the terrorists fled.';
    expect(hit(text, 'terrorists').referent).toBeNull();
    // With no untracked actor, the mention before ", and" is looked at too: Hezbollah, whom the army calls terrorists.
    expect(hit('Hezbollah fired rockets at Israel, and the army said the terrorists fled.', 'terrorists'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // Without ", and" the mention before the speech verb is still the speaker ("Iran's ambassador … said the regime").
    const speaker = 'Israel has targeted the Iranian consulate. Iran’s Ambassador Hossein Akbari confirmed the reports and said the regime had targeted the building.';
    expect(hit(speaker, 'the regime')).toMatchObject({ referent: 'israel' });
  });

  it('reads its number and casualty words from the lexicon\'s classes and its reach from context.casualty_reach', () => {
    // "deaths" stands two words before "fighters": within the shipped reach of 12, beyond a reach of 1.
    const toll = 'Hezbollah mourned. The deaths of five fighters were announced.';
    expect(hit(toll, 'fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const narrow = { ...lexicon, voice: { ...lexicon.voice, context: { ...lexicon.voice.context, casualtyReach: 1 } } };
    expect(analyzeDocument(doc(toll), narrow).hits.some((h) => h.text === 'fighters')).toBe(false);
    // A lexicon whose number-word class lacks "five" reads "Five fighters" as no count at all.
    const classes = (lexicon.lexicon.classes ?? []).map((c) =>
      c.name === 'number-word' ? { ...c, members: c.members.filter((m) => m.source !== 'five') } : c);
    const noFive = { ...lexicon, lexicon: { ...lexicon.lexicon, classes } };
    expect(analyzeDocument(doc('Hezbollah runs an elite unit. Five fighters guard it.'), noFive).hits.some((h) => h.text === 'fighters')).toBe(true);
    expect(noHit('Hezbollah runs an elite unit. Five fighters guard it.', 'fighters')).toBe(true);
  });

  it('knows Syria\'s armed opposition as an untracked actor that blocks the look-back', () => {
    const text = 'Hezbollah backs the government in Damascus. The Free Syrian Army attacked a checkpoint near Idlib, ' +
      'and the rebels held the town for a day.';
    expect(hit(text, 'the rebels')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const hts = 'Hezbollah backs the government in Damascus. It is unclear whether HTS or other rebel forces carried out the attack.';
    expect(hit(hts, 'rebel forces')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('an apposition that goes on with a participle', () => {
  it('describes the name before its comma ("Hamas, the Islamic militant group ruling Gaza, …")', () => {
    const text = 'Israel struck Gaza again. Hamas, the Islamic militant group ruling Gaza, appears to have stayed out of the fighting.';
    expect(hit(text, 'militant group')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});

describe('an apposition that goes on with what the group did or is tied to', () => {
  // An earlier label of the same noun names the Houthis: without the apposition the chain would carry it on.
  const opening = 'Attacks by the former terrorist organization known as the Houthis go on. The Houthis, who also have fired rockets toward Israel and ships in the Red Sea, say they act in support of Hamas, ';
  it('describes the name before its comma ("Hamas, the terrorists responsible for …", "…, the terrorists behind …")', () => {
    expect(hit(`${opening}the terrorists responsible for the raid on the border towns.`, 'terrorists')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
    expect(hit(`${opening}the terrorists behind the raid on the border towns.`, 'terrorists')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('is no apposition when a speech verb follows ("…, the terrorists said")', () => {
    const text = 'Attacks by the former terrorist organization known as the Houthis go on. The Houthis met Hamas officials in Doha, the terrorists said in a statement.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('an apposition is one noun phrase', () => {
  it('does not run on past a second article into a clause ("Led by the Israeli Air Force, the forces eliminated the terrorists")', () => {
    const text = 'Hamas fighters attacked a post overnight. Led by the Israeli Air Force, the forces eliminated the terrorists.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('still reaches through an of-phrase ("Kataib Hezbollah, one of the militias, …")', () => {
    const text = 'Hamas fighters attacked a post overnight. Kataib Hezbollah, one of the militias, said it fired.';
    expect(hit(text, 'the militias')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('a fixed label beside an actor the lexicon does not track', () => {
  it('describes that actor: no hit ("the SDF militia", "the YPG, a Kurdish militia,")', () => {
    expect(noHit('Shiite militias shelled a base. The SDF militia attacked ISIS near Hasakah.', 'SDF militia')).toBe(true);
    expect(analyze('Turkey struck the SDF militia overnight.').hits.map((h) => h.text)).not.toContain('militia');
    expect(analyze('Ankara struck sites held by the YPG, a Kurdish militia that leads the SDF.').hits.map((h) => h.text))
      .not.toContain('Kurdish militia');
    expect(analyze('Ankara struck sites held by the YPG, a Kurdish militia that leads the SDF.').hits.map((h) => h.text))
      .not.toContain('militia');
  });

  it('keeps it where the two only stand side by side ("the ISIS-Hamas murderers", "the SDF, and Shiite militias")', () => {
    expect(hit('The ISIS-Hamas murderers sparked the war.', 'Hamas murderers')).toMatchObject({ referent: 'palestinians' });
    expect(hit('Turkey struck the SDF, and Shiite militias fired rockets.', 'Shiite militias')).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('southern Lebanon as a theatre', () => {
  it('does not decide an armed group or a Palestinian faction: both fire from Lebanon', () => {
    const text = 'IDF kills terrorists infiltrating from Lebanon\n\nIsraeli forces killed several terrorists attempting to enter ' +
      'Israel from Lebanon on Monday.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Israel is still the one enemy there.
    expect(hit('Shelling hit two villages on Monday. The enemy in southern Lebanon fired phosphorus shells.', 'The enemy'))
      .toMatchObject({ referent: 'israel', resolution: 'context' });
  });
});

describe('a plural label that takes up a list naming two referents', () => {
  it('names them together, which is no one referent: unresolved', () => {
    const text = 'Washington has designated Hamas, the Houthis and Hezbollah as terrorist organizations.';
    expect(hit(text, 'terrorist organizations')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const next = 'Hezbollah, Hamas and the Houthis are backed by Tehran. The three militant groups share an enemy.';
    expect(hit(next, 'militant groups')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('still resolves a list of one referent, and a singular label after a mixed list', () => {
    const same = 'Kataib Hezbollah and the Houthis are backed by Tehran. The militant groups vowed revenge.';
    expect(hit(same, 'militant groups')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const singular = 'Israel fought Hamas and Hezbollah. The militant group fired rockets on Sunday.';
    expect(hit(singular, 'militant group')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('is not read from a label glued to the list\'s last name ("Hamas and Hezbollah fighters")', () => {
    expect(hit('Israel said Hamas and Hezbollah fighters were killed.', 'fighters'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('Israel said Hezbollah fighters were killed.', 'fighters'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('a modifier label before a noun of a place or thing', () => {
  it('describes the place, not an actor ("strikes on Iran-linked sites in Syria")', () => {
    expect(hit('Hezbollah vowed revenge. U.S. jets struck Iran-linked sites in Syria on Friday.', 'Iran-linked'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('Hezbollah vowed revenge. U.S. jets struck Iran-linked militias in Syria on Friday.', 'Iran-linked militias'))
      .toMatchObject({ referent: 'armed-groups' });
  });
});

describe('the nouns a modifier label may describe are word classes of the lexicon', () => {
  it('reads event-noun and thing-noun from the lexicon, not from the code', () => {
    const text = 'Hezbollah vowed revenge. U.S. jets struck Iran-linked sites in Syria on Friday.';
    const emptied = (name: string) => ({
      ...lexicon,
      lexicon: { ...lexicon.lexicon, classes: (lexicon.lexicon.classes ?? []).filter((c) => c.name !== name) },
    });
    expect(hit(text, 'Iran-linked')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Without the class the look-back decides: Hezbollah, named one sentence before.
    expect(hit(text, 'Iran-linked', emptied('thing-noun'))).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const attack = 'Hezbollah vowed revenge. The Iran-backed airstrikes on Erbil went on.';
    expect(hit(attack, 'Iran-backed')).toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit(attack, 'Iran-backed', emptied('event-noun'))).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
});

describe('a context label glued after a referent it may not take is that referent’s own men or machines', () => {
  it('keeps one mention of the referent and no label ("IDF fighters", "Zionist regime fighters")', () => {
    const idf = analyze('“This morning, IDF fighters struck terrorist targets in the area of Yaroun,” the message said.').hits
      .filter((h) => h.category === 'actor-label');
    expect(idf.map((h) => [h.text, h.referent])).toEqual([['IDF', 'israel']]);
    const jets = analyze('He was killed in an attack by Zionist regime fighters on the consulate.').hits
      .filter((h) => h.category === 'actor-label');
    expect(jets.map((h) => h.text)).toEqual(['Zionist regime']);
    // A referent the label may take is still read from the name before it.
    expect(hit('Overnight, Hezbollah fighters fired rockets.', 'fighters')).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('a modifier label before the noun of a thing that heads its phrase', () => {
  it('describes the thing where a function word follows it ("pro-Iran targets since May"), not a possessive’s noun', () => {
    expect(hit('Hezbollah vowed revenge. The second raid on pro-Iran targets since May hit Syria.', 'pro-Iran'))
      .toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit('A US-led coalition struck the Houthis. Analysts said the coalition’s targets were chosen with care.', 'the coalition’s'))
      .toMatchObject({ resolution: 'context' });
  });
});

describe('a bare group noun glued after a civil war’s side word names that side’s men (ctx8 hand-off)', () => {
  it('counts no fixed label in "regime militias", "pro-government militias"', () => {
    const labels = (text: string) => analyze(text).hits.filter((h) => h.category === 'actor-label').map((h) => h.text);
    expect(labels('Regime militias shelled the town of Idlib.')).toEqual([]);
    expect(labels('Pro-government militias and loyalist militias attacked the village.')).toEqual([]);
    // Without the side word the noun is the lexicon's label, and a composed label is matched whole.
    expect(labels('Militias shelled the town.')).toEqual(['Militias']);
    expect(labels('Iranian-backed militias attacked.')).toEqual(['Iranian-backed militias']);
  });
});

describe('the resolution and analysis rules read their words from the lexicon\'s classes, not from the code', () => {
  const without = (name: string) => ({
    ...lexicon,
    lexicon: { ...lexicon.lexicon, classes: (lexicon.lexicon.classes ?? []).filter((c) => c.name !== name) },
  });
  const labelAt = (text: string, surface: string, compiled = lexicon): Hit | undefined =>
    analyzeDocument(doc(text), compiled).hits.find((h) => h.text === surface);

  it('side-word: "regime militias" names an untracked side\'s men', () => {
    const text = 'Hezbollah sent advisers to Syria. Regime militias shelled the town of Saraqeb.';
    expect(labelAt(text, 'militias')).toBeUndefined();
    expect(labelAt(text, 'militias', without('side-word'))).toBeDefined();
  });

  it('outside-people: "allied Kurdish fighters" are the Kurds\' men, no label of a referent (1.3.36, rule 1b\'\')', () => {
    // Made-up sentences in the shape of batch w's turan text (an AP report of the February 2024 drone attack).
    const text = 'A drone attack on a base housing U.S. troops killed six allied Kurdish fighters. Iran-backed militias claimed it.';
    expect(labelAt(text, 'fighters')).toBeUndefined();
    expect(labelAt(text, 'fighters', without('outside-people'))).toMatchObject({ referent: null, resolution: 'unresolved' });
    // After a referent named before, the look-back would hand the men to it; the nationality says they are not its.
    const after = 'Hamas fighters attacked Israeli troops near Gaza. Turkish militants were arrested in Ankara.';
    expect(labelAt(after, 'militants')).toBeUndefined();
    // The theatres' nationalities stay out of the class: "Lebanese militants" still take Hezbollah.
    expect(hit('Hezbollah fired rockets. The Lebanese militants said more would come.', 'militants'))
      .toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('unknown-word: "unidentified gunmen" are nobody the story named', () => {
    const text = 'Hamas fighters left the camp. Later, unidentified gunmen opened fire on a checkpoint.';
    expect(hit(text, 'gunmen')).toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit(text, 'gunmen', without('unknown-word'))).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });

  it('naming-word: "a group calling itself …" is tied to the name ahead', () => {
    const text = 'Hamas praised the attack. A militant group calling itself the Islamic Resistance in Iraq claimed it.';
    expect(hit(text, 'militant group')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit(text, 'militant group', without('naming-word'))).toMatchObject({ referent: 'palestinians' });
  });

  it('spokesperson-noun: "Hamas sources" is a source\'s affiliation', () => {
    const text = 'Hamas sources told the paper the talks stalled.';
    expect(labelAt(text, 'Hamas')).toBeUndefined();
    expect(labelAt(text, 'Hamas', without('spokesperson-noun'))).toMatchObject({ referent: 'palestinians' });
  });

  it('opposing-word: an untracked actor after "against" is a campaign\'s target and blocks nothing', () => {
    const text = 'Hezbollah fighters crossed the border. The fight against ISIS went on, and militants fled.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    expect(hit(text, 'militants', without('opposing-word'))).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('adversary-noun: "the enemies of Israel" are not Israel', () => {
    const text = 'Israel struck Gaza. The Houthis are among the enemies of Israel, the minister said.';
    expect(hit(text, 'the enemies')).toMatchObject({ referent: null, resolution: 'unresolved' });
    // Without the class the framing label and its of-phrase are read as one mention of Israel (match.ts's join).
    expect(hit(text, 'the enemies of Israel', without('adversary-noun'))).toMatchObject({ referent: 'israel' });
  });

  it('phrase-noun: "Iran-aligned broadcaster Al Mayadeen" describes the name its phrase ends in', () => {
    const text = 'Israel struck Gaza. Iran-aligned broadcaster Al Mayadeen reported it.';
    expect(labelAt(text, 'Iran-aligned')).toBeUndefined();
    expect(labelAt(text, 'Iran-aligned', without('phrase-noun'))).toBeDefined();
  });

  it('compass-word: "in northern Syria" is still Syria\'s theatre', () => {
    const text = 'Hamas fired rockets at Israel. The militants in northern Syria attacked a base.';
    expect(hit(text, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    // Without the class the place is not read after the label (nor by rule 5', which skips compass words by the same
    // class), so the look-back's Hamas stays.
    expect(hit(text, 'militants', without('compass-word'))).toMatchObject({ referent: 'palestinians' });
  });

  it('size-adjective: "Iranian-backed Houthi small boats" describes the boats', () => {
    const text = 'US ships searched the Iranian-backed Houthi small boats near Aden.';
    expect(labelAt(text, 'Iranian-backed Houthi')).toBeUndefined();
    expect(labelAt(text, 'Iranian-backed Houthi', without('size-adjective'))).toBeDefined();
  });

  it('agent-noun: "died in Hamas shelling" names the death\'s agent', () => {
    const text = 'Two men died in Hamas shelling of the town.';
    const agentless = (compiled = lexicon) => analyzeDocument(doc(text), compiled).hits.some((h) => h.text === 'died');
    expect(agentless()).toBe(false);
    expect(agentless(without('agent-noun'))).toBe(true);
  });
});

// Session 10 context audit of unseen outlets (/work/audit-texts/ctx10): each class was found on new real articles;
// the sentences are made up.
describe('al-Qaeda and Sudan\'s RSF are untracked actors (lexicon 1.3.21)', () => {
  it('keeps "militant groups" after an al-Qaeda affiliate off the Hezbollah named before', () => {
    const text = 'Hezbollah fighters fired rockets at Israel. In Syria, a drone killed a commander of an Al-Qaeda-affiliated ' +
      'militant group. The strike is part of a campaign to degrade militant groups in the region.';
    expect(hit(text, 'militant group')).toMatchObject({ referent: null, resolution: 'unresolved' });
    expect(hit(text, 'militant groups')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });

  it('makes a label apposed to al-Qaeda no hit, and leaves fighters from the RSF on no referent', () => {
    const qaeda = 'Hamas fighters crossed the fence. The group was once affiliated with the terrorist group Al Qaeda.';
    expect(noHit(qaeda, 'terrorist group')).toBe(true);
    const sudan = 'Hezbollah fighters fired rockets. In Sudan, the general trained hundreds of fighters from the Rapid Support Forces.';
    const hits = analyze(sudan).hits.filter((h) => h.text === 'fighters');
    expect(hits[hits.length - 1]).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
});

describe('a from-phrase through a possessive names what the possessive owns', () => {
  it('reads "fighters from Iran’s “axis of resistance”" as the axis, not the Palestinians named before', () => {
    const text = 'Palestinian terrorists crossed into Israel last year. Analysts expected thousands of fighters from ' +
      'Iran’s “axis of resistance” to join them.';
    expect(hit(text, 'fighters')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('still gives a possessive the label may take to the look-back as before ("fighters from Hamas\'s ranks")', () => {
    const text = 'Hezbollah shelled the north. Later, fighters from Hamas\'s ranks attacked a post in Gaza.';
    expect(hit(text, 'fighters')).toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
});

describe('a fixed label with a nationality before it is an antecedent', () => {
  it('"Iranian militias … the militias" takes up the fixed label (the demonym filter is for names only)', () => {
    const text = 'The airstrikes hit sites belonging to Iranian militias near Damascus. A depot used by the militias burned.';
    expect(hit(text, 'the militias')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });

  it('still drops a name with another nationality glued before it ("Palestinian Islamic Resistance")', () => {
    const text = 'US forces were attacked in Syria. The Palestinian Islamic Resistance said its fighters struck the occupation.';
    expect(hit(text, 'fighters').referent).not.toBe('armed-groups');
  });
});

describe('an apposition after a bracketed abbreviation', () => {
  it('describes the name the brackets close ("the Rapid Support Forces (RSF), a Sudanese militia,"): no hit', () => {
    expect(noHit('Egypt backs the army, while the Rapid Support Forces (RSF), a Sudanese militia, hold Khartoum.', 'militia')).toBe(true);
    expect(noHit('Hamas fired rockets. The Hayat Tahrir al-Sham (HTS), the militant group, took Aleppo.', 'militant group')).toBe(true);
  });
});

describe('a compound side adjective after a copula with no noun after it (class copula)', () => {
  it('is no label ("The Houthis have been pro-Iranian, anti-American")', () => {
    const text = 'Hezbollah fighters fired rockets. The Houthis have been pro-Iranian, anti-American and anti-Israeli.';
    expect(noHit(text, 'pro-Iranian')).toBe(true);
  });

  it('stays a label before a noun and in a relative clause after a name', () => {
    expect(hit('Hezbollah fighters fired. The Iran-backed Houthis attacked ships.', 'Iran-backed')).toMatchObject({ referent: 'armed-groups' });
    expect(hit('Hezbollah fired. The militias, which are Iran-backed, fired rockets.', 'Iran-backed')).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('a label that is the object of a verb of fighting (class opponent)', () => {
  it('is not the verb’s subject: the militias that defeated "the militant group" are its opponent', () => {
    const text = 'The Islamic State held a third of Iraq until 2017. Iraqi troops and Iran-backed Shia militias defeated ' +
      'the militant group in 2017, but its cells still roam the desert.';
    expect(hit(text, 'militant group')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('is not an ally in the subject’s passive aside either ("…, aided by Iranian-backed militias, drove out rebel forces")', () => {
    const text = 'The battle lasted a month. Government troops, aided by Iranian-backed militias and Russian jets, drove out ' +
      'rebel forces from the eastern districts.';
    expect(hit(text, 'rebel forces')).toMatchObject({ referent: null });
  });
  it('still takes up the group when the verb’s subject is someone else or a comma ends a list of predicates', () => {
    const other = 'Hezbollah fired rockets at the north. Israeli troops then attacked the militants near the border.';
    expect(hit(other, 'militants')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const list = 'The soldiers reached tunnels of Hamas, encountered terrorists, killed terrorists and moved on.';
    const second = analyze(list).hits.filter((h) => h.text === 'terrorists');
    expect(second.map((h) => h.referent)).toEqual(['palestinians', 'palestinians']);
  });
});

describe('a plural noun of groups as bodies after groups of two referents (class several bodies)', () => {
  it('is left unresolved: "the armed groups facing Israel" after Hamas and Hezbollah may be either or both', () => {
    const text = 'Hamas has fought Israel in Gaza for a year. Hezbollah says it attacks Israel in solidarity with Hamas. ' +
      'Below is a guide to the armed groups facing Israel and the United States.';
    expect(hit(text, 'armed groups')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('takes up the groups of a referent far more present in the window (seed 003: "the Islamic Resistance in Iraq … resistance groups")', () => {
    const text = 'The Islamic Resistance in Iraq, an umbrella of Iraqi factions, began attacks days after the battle between ' +
      'Israel and Palestinian fighters began. The Islamic Resistance in Iraq then widened its attacks. So far, armed ' +
      'groups have carried out 200 drone operations against US bases.';
    expect(hit(text, 'armed groups')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
  });
  it('still takes up one referent’s groups, and a plural of men ("the militants") still takes up the nearest', () => {
    const one = 'Kataib Hezbollah and the Nujaba movement fired drones at US bases. The armed groups said more would follow.';
    expect(hit(one, 'armed groups')).toMatchObject({ referent: 'armed-groups', resolution: 'context' });
    const men = 'Hamas has fought Israel in Gaza for a year. Hezbollah says it attacks Israel in solidarity with Hamas. ' +
      'Israeli jets struck the militants overnight.';
    expect(hit(men, 'militants').referent).not.toBeNull();
  });
});

describe('the scene of a theatre place (rule 5c) after an untracked actor the label may mean', () => {
  it('does not decide once the text has named that actor, however far back ("The leftist group … a terrorist organization")', () => {
    const text = 'The PKK has fought Turkey since 1984. Turkey keeps bases along the border. Its commanders hide in the ' +
      'mountains. Last week a drone hit a car near Sulaymaniyah in northern Iraq. Three people died. The leftist group ' +
      'is designated as a terrorist organization by Ankara.';
    expect(hit(text, 'terrorist organization')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('still decides after an untracked actor named only as a campaign’s target ("the coalition against ISIS")', () => {
    const text = 'The coalition against ISIS has ended its mission. Its advisers trained troops for years. Some stayed on. ' +
      'Last week a drone hit a car near Sulaymaniyah in northern Iraq. Three people died. The group is designated as ' +
      'a terrorist organization by Washington.';
    expect(hit(text, 'terrorist organization').referent).toBe('armed-groups');
  });
});

describe('a plural apposition to a list of two referents (class list apposition)', () => {
  it('names them together, no one referent: "Hamas and Hezbollah, both widely considered terrorist organizations"', () => {
    const text = 'The war against Hamas and Hezbollah, both widely considered terrorist organizations, goes on.';
    expect(hit(text, 'terrorist organizations')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('still describes one name, and a list of one referent’s groups', () => {
    expect(hit('The war against Hezbollah, a terrorist organization, goes on.', 'terrorist organization').referent).toBe('armed-groups');
    const one = 'The US struck Kataib Hezbollah and the Houthis, both terrorist organizations, again on Friday.';
    expect(hit(one, 'terrorist organizations').referent).toBe('armed-groups');
  });
});

describe('a definite plural label after its own words used for someone untracked (rule 4e)', () => {
  it('takes up a bare noun with its words, which names no referent: unresolved past a nearer fitting mention', () => {
    const text = 'Iran-backed militias crossed into Syria to help the army fight rebels who seized the city. ' +
      'Officials said the rebels had taken the airport.';
    expect(hit(text, 'the rebels')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const syrian = 'Syrian rebels and Iranian-backed militias fought near the town. The rebels captured two villages.';
    expect(hit(syrian, 'The rebels')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('takes up an untracked actor’s men and a label left unresolved the same way', () => {
    const isis = 'ISIS militants attacked a checkpoint on Monday. The Popular Mobilization Forces repelled the attack. ' +
      'The militants fled into the desert.';
    expect(analyze(isis).hits.find((h) => h.text === 'militants' && h.start > 60)).toMatchObject({ referent: null, resolution: 'unresolved' });
    const kurds = 'Kurdish fighters clashed with Turkish troops near the border. Kataib Hezbollah said it had no part in it. ' +
      'The fighters withdrew after dark.';
    expect(analyze(kurds).hits.find((h) => h.text === 'fighters' && h.start > 60)).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('still resolves when the nearest occurrence of its words is a fitting mention, or when there is none', () => {
    const houthis = 'Rebels took the port years ago. Iran-backed Houthi rebels seized a ship on Sunday. The rebels held the crew.';
    expect(hit(houthis, 'The rebels').referent).toBe('armed-groups');
    const plain = 'The Houthis fired missiles at a ship. The rebels said the ship was Israeli.';
    expect(hit(plain, 'The rebels').referent).toBe('armed-groups');
    // The men of a named group stand nearer than the untracked ones: they are taken up.
    const nearer = 'Kurdish fighters clashed with Turkish troops near the border. Hezbollah fighters then arrived. ' +
      'The fighters withdrew after dark.';
    expect(analyze(nearer).hits.find((h) => h.text === 'fighters' && h.start > 80)).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('the agent of a passive verb of fighting (rule 5, opponent)', () => {
  it('is not the verb’s subject: "One more militant was shot by terrorists" after the militia’s men', () => {
    const text = 'Militants from the Islamic State attacked a position of the Popular Mobilization Forces. Three fighters ' +
      'were killed in a blast. One more militant was shot by terrorists in a village nearby.';
    expect(hit(text, 'terrorists')).toMatchObject({ referent: null, resolution: 'unresolved' });
    const gunned = 'Kataib Hezbollah said two of its fighters were gunned down by militants near the border.';
    expect(analyze(gunned).hits.find((h) => h.text === 'militants')).toMatchObject({ referent: null });
  });
  it('still takes an antecedent that is not the passive verb’s subject', () => {
    const text = 'Hamas fired rockets at Israel. A soldier was shot by militants near the fence.';
    expect(hit(text, 'militants').referent).toBe('palestinians');
  });
});

describe('a lead label that is the object of a verb of fighting (rule 7)', () => {
  it('does not look ahead to the next actor, who may be the subject’s ally', () => {
    const text = 'Syrian jets struck Idlib on Sunday, as President Bashar al-Assad vowed to crush insurgents who had swept ' +
      'into Aleppo. Hundreds of fighters from Iran-backed Iraqi militias crossed into Syria to help the government.';
    expect(hit(text, 'insurgents')).toMatchObject({ referent: null, resolution: 'unresolved' });
  });
  it('still looks ahead when the label is no such object', () => {
    const text = 'Insurgents who had swept into Aleppo held the airport on Sunday. Hundreds of fighters from Iran-backed ' +
      'Iraqi militias crossed into Syria.';
    expect(hit(text, 'Insurgents').referent).toBe('armed-groups');
  });
});

describe('a definite repeat of a definite label (rule 4e)', () => {
  it('introduces nobody: the later label looks back as before, though the first was left unresolved', () => {
    const text = 'The occupation will continue to obstruct the truce\nA spokesman of Hamas said: “20 days have passed since ' +
      'the truce, the occupiers are still obstructing the entry of fuel into the Gaza Strip.”\nOnce again, we ask the ' +
      'mediators to put pressure on the occupiers and force them to comply.';
    const both = analyze(text).hits.filter((h) => h.text === 'the occupiers');
    expect(both.map((h) => h.referent)).toEqual([null, 'israel']);
  });
});

describe('a label that is the object of a verb taking "X of Y" (rule 4, session 19)', () => {
  it('does not read the verb’s of-phrase as the label’s own, so the rules after rule 4 decide', () => {
    // Made-up sentences in the shape of a republished Arabic report's headline (devset batch ac) and a wire sentence.
    expect(hit('The West Bank is on fire. Hamas warns the occupation of a major escalation.', 'the occupation'))
      .toMatchObject({ referent: 'israel', resolution: 'context' });
    expect(hit('Clashes erupted in Gaza. Israel accused the militants of using human shields.', 'militants'))
      .toMatchObject({ referent: 'palestinians', resolution: 'context' });
  });
  it('still reads an of-phrase that is the label’s own', () => {
    expect(hit('Clashes erupted in Gaza. The militants of the river fled.', 'militants')).toMatchObject({ resolution: 'unresolved' });
  });
});

describe('a neutral label owned by a referent it may not take (rule 4b\', session 19)', () => {
  it('is that referent’s own men, no label: after "<Name>’s" and after "its" with no fitting mention before', () => {
    const text = 'Israel warned Hezbollah. Israel’s fighters massed at the border. The IDF said its fighters were ready.';
    expect(noHit(text, 'fighters massed')).toBe(true);
    expect(noHit(text, 'fighters were ready')).toBe(true);
  });
  it('still looks back when a mention it may take stands before "its" in the sentence, or the owner fits', () => {
    expect(hit('Hezbollah attacked Israel and its fighters fled.', 'fighters')).toMatchObject({ referent: 'armed-groups' });
    expect(hit('Hezbollah said its fighters fired.', 'fighters')).toMatchObject({ referent: 'armed-groups' });
  });
});

describe('a word of combat experience before "forces" (lexicon 1.3.41, entry fighters)', () => {
  it('makes a neutral epithet of the group named before; "forces" alone stays no label', () => {
    const text = 'The Houthis have fired missiles at ships for months. But with the battle-hardened forces spoiling for a ' +
      'fight with Israel, the risk grows.';
    expect(hit(text, 'battle-hardened forces')).toMatchObject({ referent: 'armed-groups', resolution: 'context', weight: 0 });
    expect(noHit('The Houthis fired missiles. The forces spoiling for a fight grew.', 'forces')).toBe(true);
    // Owned by a referent it may not take: that referent's own forces, no label.
    expect(noHit('Israel warned Hezbollah. Israel’s battle-hardened forces massed at the border.', 'battle-hardened')).toBe(true);
  });
});
