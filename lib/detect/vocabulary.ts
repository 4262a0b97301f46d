/**
 * Generic vocabulary of the context rules (docs/DESIGN.md "Detection"): not about any one entity, so
 * not in the dataset's cues. The background sends it to content scripts inside the matcher
 * config (lib/detect/config.ts), so it costs the content-script bundle nothing; the matcher
 * compiles it into sets. Words are lowercase, space-separated.
 */
export const VOCABULARY = {
  /**
   * Roles anyone may hold, days and months: before a surname they are no given name ("CEO Musk",
   * "Billionaire Musk", "on Monday Musk said"), and a compound that ends in one is a role too
   * ("Tesla-Chef Musk", "Multimilliardär Musk").
   */
  titles: `president chief ceo cto cfo founder cofounder co-founder chairman chairwoman chair director
    executive investor entrepreneur mogul tycoon boss owner billionaire scientist researcher
    pioneer laureate godfather chef gründer milliardär multimilliardär unternehmer miliardario
    imprenditore fondatore fondateur milliardaire patron empresario multimillonario bos pendiri
    miliarder forscher eigentümer besitzer wissenschaftler kapitalgeber manager monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tonight ally adviser advisor critic rival titan magnate leader head partner donor backer winner capitalist visionary guru legend icon`,
  /**
   * Honorifics and offices, which say who someone is: one that does not fit the entity (dataset
   * `cues.honorifics`) names someone else ("Dr Khosla" on a hospital page, "Mrs Musk").
   */
  honorifics: `mr mister mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame mme mlle m
    monsieur herr frau signor signora sig sr sra srta señor señora don doña shri sri smt shrimati
    kumari rev reverend fr father pastor rabbi imam sheikh hon judge justice senator sen rep
    representative governor gov minister mayor general gen captain capt colonel col lieutenant lt
    sergeant sgt admiral`,
  /**
   * Function words and headline words that start sentences and headlines in the languages of the
   * news we see ("How Khosla sees…", "Twitter Sues Musk", "Laut Musk", "Secondo Musk", "Menurut
   * Musk"): before a surname they are no given name, after a given name no surname.
   */
  headline: `a an the this that these those his her its their our my your he she it they we you i and but
    or nor so yet because although though since until unless once while whereas whether if when
    where why how what who whom whose which as at by for from in into of on onto to with without
    within via per over under after before against about above behind beyond between among amid
    despite during except like unlike near toward towards upon than versus vs v is was are were be
    been will would can could should may might must do does did has had have not no yes also just
    even only still now then later earlier soon again already meanwhile moreover however therefore
    thus instead indeed perhaps maybe first next last finally eventually initially ultimately
    previously recently reportedly separately currently apparently clearly notably ironically here
    there all any both each every either neither some many much more most few several other
    another such says said say tells told asks asked calls called sees saw wants gets takes makes
    gives thinks believes argues warns urges praises rejects accuses defends criticizes criticises
    responds replies answers challenges sues blasts slams backs joins meets hits mocks fires hires
    thanks invites beats overtakes snubs trolls roasts endorses supports opposes quits leaves
    loses wins taps picks names appoints ousts bans blocks follows interviews hosts welcomes
    visits pays funds invests bets buys sells dumps ditches drops denies confirms reveals admits
    claims back slam blast sue join hit mock praise reject fire hire thank urge warn invite beat
    snub troll endorse support oppose approve defend attack accuse challenge blame trust forget
    ask tell call see want meet inside exclusive watch breaking opinion analysis interview update
    live report explainer podcast video photos listen read review profile news ask dear hey hi
    team camp planet project citizen der die das den dem des ein eine einer einem einen und oder
    aber doch auch noch nur schon jetzt dann dass ob wenn als wie weil seit nach vor für mit von
    zu bei laut gegen über ohne trotz sogar selbst ist war hat wird sagt sagte le la les un une du
    et ou mais donc car si quand comme selon pour avec sans chez contre sur sous dans par après
    avant est il lo gli uno e ma anche secondo con senza tra fra su da di dopo prima come se è ha
    el los las y pero según segun para sin sobre desde tras cuando o com sem dan atau tetapi tapi
    juga menurut kata untuk dengan tanpa dari ke oleh bagi seperti ketika saat bahwa ini itu het
    een en maar ook volgens voor met zonder naar met left won lost took made gave got`,
  /**
   * Words after (or before) a surname that make it a family's name ("the Musk household"); CJK
   * ones follow the surname glued (`马斯克家族`, `马斯克兄弟`).
   */
  kin: `family families household households clan siblings brothers sisters children kids parents
    dynasty relatives cousins twins grandchildren ancestors ancestry genealogy familie famille
    famiglia familia keluarga boys girls brood sr senior 家族 家人 家庭 一家 兄弟 姐妹 父子 母子 夫妇 夫婦`,
  /**
   * Words after a surname that speak of a public figure (`the LeCun camp`, `Musk vs. the SEC`,
   * `Musk v. Twitter`, `the Musk era`): evidence, like a positive cue, for the famous bearer.
   */
  fame: `camp era effect factor fans supporters critics doctrine playbook empire saga feud
    vs versus v`,
  /** Words before a plural surname that make `Musks` a family (`the Musks`), not a genitive. */
  determiners: `the die der den des dem both all two les i gli los las`,
};
