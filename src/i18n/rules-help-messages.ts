/**
 * The help texts of `tuopin rules` and its sub-commands, in Chinese and English; `{store}`,
 * `{cases}`, `{preview}`, `{progress}`, `{lang}` and `{help}` take the shared option blocks.
 * Part of the one catalogue (`MESSAGES` in messages.ts).
 */
export const RULES_HELP_MESSAGES = {
  'help.rules': {
    zh: `用法：tuopin rules <命令> [选项]

规则集版本：政策人员发布的标准。已发布的版本无需改代码、无需部署，下一次评估即使用；有问题的版本
到不了任何判定，因为每个版本都要过发布检查（结构 → 下一版本号 → 静态检查 → 情景用例 → 影响预览）。

命令：
  list                           各标准的版本，标出今天施行的
  show ID [--version N]          以 JSON 显示一个版本（默认今天施行的）
  validate FILE                  检查文件的结构和静态规则，无需存储
  test FILE [--cases FILE]       按发布检查的方式运行草案的情景用例
  diff FILE                      草案对比施行中的版本，并做影响预览
  history ID                     每个版本及其来历

修改标准：起草 → 提交 → 由另一位审批人批准后发布（或驳回、撤回）：
  draft ID --author NAME         以施行中的版本及其情景用例为起点创建草稿（--rollback-to N 为回退）
  drafts ID [DRAFT]              草稿及其每一步
  save ID DRAFT FILE --author NAME [--cases FILE]
                                 保存草稿
  cases ID DRAFT [--confirm 用例名 …|--confirm-all]
                                 情景用例在施行版本与草稿下的结果，确认改变的用例
  cases --from-in-force FILE --out CASES.json [--confirm …|--confirm-all]
                                 为草案文件带上施行版本的情景用例
  submit ID DRAFT --author NAME  经发布检查提交，影响预览随之存下
  approve ID DRAFT --author NAME 审批人（非起草人）批准并发布
  reject ID DRAFT --author NAME --note TEXT
                                 审批人驳回
  withdraw ID DRAFT --author NAME
                                 起草人撤回

允许本人批准的部署（--allow-self-approval 或 ALLOW_SELF_APPROVAL=true）还可一步完成：
  publish FILE --author NAME --note TEXT [--accept-impact]
  rollback ID --to N --author NAME --note TEXT [--accept-impact]

存储选项（--db DIR、--endpoint URL、--store memory）与其他命令相同。
运行 "tuopin rules <命令> --help" 查看该命令的选项。`,
    en: `Usage: tuopin rules <command> [options]

Rule-set versions: the standards as policy staff publish them. A published version is used by
the next evaluation with no code change and no deployment; a bad one never reaches a verdict,
because every version goes through the publish gate (schema → next version → static checks →
its scenario cases → impact preview).

Commands:
  list                           each standard's versions, the one in force today marked
  show ID [--version N]          a version as JSON (the one in force today by default)
  validate FILE                  schema and static checks of a file, no store needed
  test FILE [--cases FILE]       the draft's scenario cases, as the gate runs them
  diff FILE                      the draft against the version in force, and the impact preview
  history ID                     every version with its provenance

Changing a standard: draft → submit → approved by another person and published (or rejected,
or withdrawn):
  draft ID --author NAME         a draft from the version in force and its scenario cases
                                 (--rollback-to N for a rollback)
  drafts ID [DRAFT]              the drafts and their steps
  save ID DRAFT FILE --author NAME [--cases FILE]
                                 save the draft
  cases ID DRAFT [--confirm NAME …|--confirm-all]
                                 the cases under the version in force and the draft; confirm
                                 the ones that change
  cases --from-in-force FILE --out CASES.json [--confirm …|--confirm-all]
                                 the in-force version's cases for a draft file
  submit ID DRAFT --author NAME  submit through the gate; the impact preview is kept with it
  approve ID DRAFT --author NAME an approver (never the author) approves and publishes
  reject ID DRAFT --author NAME --note TEXT
                                 an approver rejects
  withdraw ID DRAFT --author NAME
                                 its author withdraws

Where the deployment allows self-approval (--allow-self-approval or ALLOW_SELF_APPROVAL=true),
in one step:
  publish FILE --author NAME --note TEXT [--accept-impact]
  rollback ID --to N --author NAME --note TEXT [--accept-impact]

Store options (--db DIR, --endpoint URL, --store memory) as for the other commands.
Run "tuopin rules <command> --help" for a command's options.`,
  },
  'help.rules.list': {
    zh: `用法：tuopin rules list [选项]

按从旧到新列出存储中每个标准的版本，今天施行的版本标 "*"。运行使用的是存储中的版本；存储中没有版本时会说明。

选项：
{store}
{lang}
{help}`,
    en: `Usage: tuopin rules list [options]

Lists the versions of each standard the store holds, oldest first, with the version in force
today marked "*". The store's versions are the ones runs use; a store with none says so.

Options:
{store}
{lang}
{help}`,
  },
  'help.rules.show': {
    zh: `用法：tuopin rules show ID [--version N] [选项]

在 stdout 上以 JSON 打印一个已发布的版本（今天施行的，或 --version N），可直接存为下一份草案的起点；
谁在何时发布的写到 stderr。

选项：
  --version N       用此版本，不用今天施行的
{store}
{lang}
{help}`,
    en: `Usage: tuopin rules show ID [--version N] [options]

Prints a published version as JSON on stdout — the version in force today, or --version N —
ready to be saved as the start of the next draft; who published it and when goes to stderr.

Options:
  --version N       this version instead of the one in force today
{store}
{lang}
{help}`,
  },
  'help.rules.validate': {
    zh: `用法：tuopin rules validate FILE [--years 2018,2019] [--cases FILE] [--json]

不用存储检查一个规则集文件：先查结构（每个问题给出 JSON 路径，如 items.2.conditions.all.0.operator），
再做静态检查——每个事实都在该标准的事实目录中且类型与运算符相符，每个参数都有定义，每个标签都有中英文，
每张年份表都覆盖草案 effectiveFrom 的年份和 --years 所列年份——若情景用例随附（--cases，或 FILE 旁的
NAME.cases.json），再用草案加仓库中其他规则集判定每个用例。

选项：
  --years LIST      每张年份表须覆盖的考核年份，如 2018,2019
  --cases FILE      草案的情景用例（默认：FILE 旁的 NAME.cases.json，如有）
  --json            以 JSON 输出报告
{lang}
{help}

退出码：0 文件有效，1 无效，2 用法错误。`,
    en: `Usage: tuopin rules validate FILE [--years 2018,2019] [--cases FILE] [--json]

Checks a rule-set file with no store: the schema (every problem named by its JSON path, like
items.2.conditions.all.0.operator), then the static checks — every fact in the standard's
facts catalogue with a type its operator compares, every parameter defined, every label in zh
and en, every year table covering the draft's effectiveFrom year and the --years given — then,
when scenario cases travel with it (--cases, or FILE's neighbour NAME.cases.json), every case,
judged with the draft beside the repository's other rule sets.

Options:
  --years LIST      assessment years every year table must cover, like 2018,2019
  --cases FILE      the draft's scenario cases (default: NAME.cases.json beside FILE, if any)
  --json            print the report as JSON
{lang}
{help}

Exit status: 0 when the file is valid, 1 when it is not, 2 for a usage error.`,
  },
  'help.rules.test': {
    zh: `用法：tuopin rules test FILE [--cases FILE] [选项]

在结构和静态检查之后，完全按发布检查的方式运行草案自己的情景用例：每个用例用草案代替施行中的版本判定
（其他标准用存储中的版本）。不发布任何东西。

选项：
{cases}
{preview}
{progress}
{lang}
{store}
{help}

退出码：0 每一步都通过，1 否则，2 用法错误。`,
    en: `Usage: tuopin rules test FILE [--cases FILE] [options]

Runs a draft's own scenario cases, after the schema and static checks, exactly as the publish
gate does: each case judged with the draft in place of the version in force (the other
standards as the store holds them). Nothing is published.

Options:
{cases}
{preview}
{progress}
{lang}
{store}
{help}

Exit status: 0 when every step passes, 1 otherwise, 2 for a usage error.`,
  },
  'help.rules.diff': {
    zh: `用法：tuopin rules diff FILE [选项]

不发布，看发布草案会改变什么：草案对比预览季度最后一天施行的版本，逐个参数、逐个项目，然后是影响预览——
存储中的每个县、村和户用两个版本分别判定，按县统计结果改变的数目并举例。先做结构和静态检查（情景用例见
"tuopin rules test"）。

选项：
{preview}
{progress}
{lang}
{store}
{help}

退出码：0 草案可以预览（无论结果是否改变），1 未通过某项检查，2 用法错误。`,
    en: `Usage: tuopin rules diff FILE [options]

What publishing a draft would change, without publishing it: the draft against the version in
force on the last day of the preview quarter, parameter by parameter and item by item, then
the impact preview — every county, village and household the store holds judged with both,
counting the outcomes that change, by county, with examples. The schema and static checks run
first (scenario cases: see "tuopin rules test").

Options:
{preview}
{progress}
{lang}
{store}
{help}

Exit status: 0 when the draft could be previewed (whether or not outcomes change), 1 when it
fails a check, 2 for a usage error.`,
  },
  'help.rules.publish': {
    zh: `用法：tuopin rules publish FILE --author NAME --note TEXT [--accept-impact] [选项]

经发布检查发布一个规则集版本：结构 → 下一版本号（最新版 + 1，不跳号）→ 静态检查 → 草案的情景用例 →
影响预览。任何一步不过，草案即被拒绝。预览中改变任何结果的草案会被拒绝，除非加 --accept-impact。
版本连同作者、说明、时间、内容哈希和情景用例一起存储；下一次评估即使用，无需改代码、无需部署。
空存储中可以发布某标准的第 1 版。只有允许本人批准的部署接受这种一步发布（记为本人批准）；
否则请用 draft、submit，由审批人 approve。

选项：
  --allow-self-approval   允许本人批准（小县的部署设置）
  --author NAME     发布人（与版本一起记录）
  --note TEXT       原因（与版本一起记录）
  --accept-impact   即使结果改变也发布（见预览）
{cases}
{preview}
{progress}
{lang}
{store}
{help}

退出码：0 已发布，1 被拒（或另一位发布人已占用该版本号），2 用法错误。`,
    en: `Usage: tuopin rules publish FILE --author NAME --note TEXT [--accept-impact] [options]

Publishes a rule-set version through the gate: schema → next version (latest + 1, no gaps) →
static checks → the draft's scenario cases → impact preview. A failing step refuses the draft.
A draft that changes any outcome in the preview is refused unless --accept-impact. The version
is stored with its author, note, time, content hash and scenario cases; the next evaluation
uses it, with no code change and no deployment. Version 1 of a standard may be published into
an empty store. Only a deployment that allows self-approval accepts this one-step publication
(recorded as self-approved); elsewhere use draft and submit, and an approver approves.

Options:
  --allow-self-approval   allow self-approval (a small county's setting)
  --author NAME     who publishes (recorded with the version)
  --note TEXT       why (recorded with the version)
  --accept-impact   publish even though outcomes change (see the preview)
{cases}
{preview}
{progress}
{lang}
{store}
{help}

Exit status: 0 when published, 1 when refused (or another publisher took the version), 2 for
a usage error.`,
  },
  'help.rules.history': {
    zh: `用法：tuopin rules history ID [选项]

某标准已发布的每个版本，从旧到新：何时施行、谁在何时发布、发布说明、版本的修改说明、内容哈希和情景用例。

选项：
{store}
{lang}
{help}`,
    en: `Usage: tuopin rules history ID [options]

Every published version of a standard, oldest first: when it takes effect, who published it
and when, their note, the version's change note, its content hash and its scenario cases.

Options:
{store}
{lang}
{help}`,
  },
  'help.rules.rollback': {
    zh: `用法：tuopin rules rollback ID --to N --author NAME --note TEXT [--accept-impact] [选项]

发布一个新版本，其内容为第 N 版的内容（项目、参数、决定、标签），修改说明为 "rollback to version N: <说明>"。
它在最新版本施行的那天（所有版本中最晚的 effectiveFrom）施行，且作为最高版本在当天胜出：从此施行，
而此前的日子保留各自的版本——历史从不改写。它要过完整的发布检查，用第 N 版的情景用例（与其一同存储的，
否则 --cases，否则 test/scenarios/<id>/v<N>.cases.json），改变结果时需要 --accept-impact。
与 publish 一样，只有允许本人批准的部署接受这种一步回退；否则请用 "draft ID --rollback-to N"，经提交和批准。

选项：
  --allow-self-approval   允许本人批准（小县的部署设置）
  --to N            要恢复其内容的版本
  --author NAME     回退人（与版本一起记录）
  --note TEXT       原因（与版本一起记录，并写入修改说明）
  --accept-impact   即使结果改变也发布
{cases}
{preview}
{progress}
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules rollback ID --to N --author NAME --note TEXT [--accept-impact] [options]

Publishes a new version whose content is version N's (items, parameters, decision, labels),
with the change note "rollback to version N: <note>". It takes effect on the day the latest
version took effect (the latest effectiveFrom of any version) and, as the highest version,
wins that day: from then on it is in force, while earlier days keep their versions — history
is never rewritten. It goes through the whole publish gate, with version N's scenario cases
(stored with it, else --cases, else test/scenarios/<id>/v<N>.cases.json), and needs
--accept-impact when it changes outcomes. Like publish, only a deployment that allows
self-approval accepts this one-step rollback; elsewhere "draft ID --rollback-to N", submitted
and approved.

Options:
  --allow-self-approval   allow self-approval (a small county's setting)
  --to N            the version whose content comes back
  --author NAME     who rolls back (recorded with the version)
  --note TEXT       why (recorded with the version and in its change note)
  --accept-impact   publish even though outcomes change
{cases}
{preview}
{progress}
{lang}
{store}
{help}`,
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;
