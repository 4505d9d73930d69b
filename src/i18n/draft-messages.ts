/**
 * What `tuopin rules draft|drafts|save|cases|submit|approve|reject|withdraw` print, in Chinese
 * and English, and their help texts: a draft's steps, the carried cases side by side, and what
 * became of a submission or an approval. Part of the one catalogue (`MESSAGES` in messages.ts).
 */
export const DRAFT_MESSAGES = {
  'usage.draftRef': { zh: '请给出规则集编号和草稿编号{got}', en: 'give the rule-set id and the draft id{got}' },
  'usage.notObject': { zh: '{file} 中不是 JSON 对象', en: '{file} holds no JSON object' },
  'usage.confirm': { zh: '--confirm 与 --confirm-all 只能给一个', en: 'give --confirm NAME or --confirm-all, not both' },
  'usage.casesMode': { zh: '请给出规则集编号和草稿编号，或 --from-in-force 草案文件（并用 --out 指定用例文件）', en: 'give the rule-set id and the draft id, or --from-in-force DRAFT.json with --out CASES.json' },

  'error.DRAFT_NOT_FOUND': { zh: '规则集 {ruleSetId} 没有草稿 {draftId}', en: 'rule set {ruleSetId} has no draft {draftId}' },
  'error.DRAFT_STATE': { zh: '草稿 {draftId} 的状态是 {status}，此操作需要 {needed}', en: 'draft {draftId} is {status}; this step needs it {needed}' },
  'error.NOT_DRAFT_AUTHOR': { zh: '只有草稿 {draftId} 的起草人可以修改、提交或撤回它（当前为 {by}）', en: 'only the author of draft {draftId} edits, submits or withdraws it (the caller is {by})' },
  'error.SELF_APPROVAL_REFUSED': { zh: '草稿 {draftId} 由 {by} 起草，起草人不能批准自己的草稿，须由另一位审批人批准', en: 'draft {draftId} was written by {by}: its author cannot approve it, another approver must' },
  'error.ONE_STEP_PUBLISH_REFUSED': {
    zh: '本部署要求第二人批准：请用 "tuopin rules draft {ruleSetId}" 创建草稿、submit 提交，由审批人 approve 后发布（小县可用 --allow-self-approval）',
    en: 'this deployment requires a second person\'s approval: "tuopin rules draft {ruleSetId}", submit it, and an approver approves it (a small county may use --allow-self-approval)',
  },

  'draftStatus.draft': { zh: '草稿', en: 'draft' },
  'draftStatus.submitted': { zh: '已提交，待批准', en: 'submitted, awaiting approval' },
  'draftStatus.approved': { zh: '已批准并发布', en: 'approved and published' },
  'draftStatus.rejected': { zh: '已驳回', en: 'rejected' },
  'draftStatus.withdrawn': { zh: '已撤回', en: 'withdrawn' },

  'draft.line': { zh: '{id} 草稿 {draftId}：v{version}，{status}，起草人 {author}', en: '{id} draft {draftId}: v{version}, {status}, by {author}' },
  'draft.base': { zh: '  起自 v{base}；情景用例 {cases}', en: '  from v{base}; scenario cases: {cases}' },
  'draft.noBase': { zh: '  第一个版本；情景用例 {cases}', en: '  a first version; scenario cases: {cases}' },
  'draft.noCases': { zh: '无', en: 'none' },
  'draft.step': { zh: '  {at}  {action}  {by}{self}：{note}', en: '  {at}  {action}  {by}{self}: {note}' },
  'draft.selfApproved': { zh: '（本人批准）', en: ' (self-approved)' },
  'draft.none': { zh: '{id}：没有草稿', en: '{id}: no draft' },
  'draft.wrote': { zh: '已把草稿的规则集写入 {file}；编辑后用 "tuopin rules save {id} {draftId} {file}" 保存', en: 'wrote the draft\'s rule set to {file}; edit it, then "tuopin rules save {id} {draftId} {file}"' },
  'draft.wroteCases': { zh: '已把草稿的情景用例写入 {file}', en: 'wrote the draft\'s scenario cases to {file}' },
  'draft.next': { zh: '下一步："tuopin rules cases {id} {draftId}" 查看带过来的用例在草稿下的结果', en: 'next: "tuopin rules cases {id} {draftId}" shows the carried cases under the draft' },
  'draft.submitted': { zh: '已提交：等待另一位审批人 "tuopin rules approve {id} {draftId}"', en: 'submitted: another person approves it with "tuopin rules approve {id} {draftId}"' },
  'draft.approved': { zh: '已批准：发布为 {id} v{version}，下一次评估即使用', en: 'approved: published as {id} v{version}; the next evaluation uses it' },
  'draft.refused': { zh: '未通过发布检查，草稿状态不变：{reason}', en: 'refused by the gate, the draft is unchanged: {reason}' },

  'cases.title': { zh: '{id} v{version} 的情景用例：施行中的版本 → 草稿', en: 'scenario cases of {id} v{version}: the version in force → the draft' },
  'cases.row': { zh: '{mark} {name}（{year} 年）：预期 {expected}；施行中 {before} → 草稿 {after}', en: '{mark} {name} ({year}): expected {expected}; in force {before} → draft {after}' },
  'cases.items': { zh: '      变化的项目：{items}', en: '      items that change: {items}' },
  'cases.differences': { zh: '      与预期不同：{differences}', en: '      differs from the expectation: {differences}' },
  'cases.none': { zh: '—', en: '—' },
  'cases.summary': { zh: '共 {total} 个用例：{changed} 个结果因草稿改变，{failing} 个不符合预期', en: '{total} cases: {changed} judged differently by the draft, {failing} not as expected' },
  'cases.confirmHint': { zh: '确认草稿的结果为新的预期：--confirm 用例名 …，或 --confirm-all', en: "take the draft's results as the new expectations: --confirm NAME …, or --confirm-all" },
  'cases.confirmed': { zh: '已确认 {count} 个用例的新预期：{names}', en: 'confirmed the new expectation of {count} cases: {names}' },
  'cases.wrote': { zh: '已把用例写入 {file}（{ruleSetId} v{version}）', en: 'wrote the cases to {file} ({ruleSetId} v{version})' },
  'cases.noneInForce': { zh: '{id} 施行中的版本没有情景用例可带过来（存储和 test/scenarios/ 中都没有）', en: '{id}: the version in force has no scenario cases to carry (none in the store, none in test/scenarios/)' },

  'help.rules.draft': {
    zh: `用法：tuopin rules draft ID --author NAME [--from-draft 草稿] [--rollback-to N] [--note TEXT] [--out FILE] [--cases-out FILE] [选项]

创建下一版本的草稿：内容取自今天施行的版本，并带上该版本的情景用例（改标为下一版本）；
--from-draft 取自另一草稿（例如被驳回的），--rollback-to N 取自第 N 版（回退同样走草稿流程）。
草稿只由起草人修改、提交或撤回，由另一位审批人批准后发布。

选项：
  --author NAME       起草人
  --from-draft ID     从另一草稿开始
  --rollback-to N     以第 N 版的内容和用例开始（回退）
  --note TEXT         说明
  --out FILE          把草稿的规则集写入文件，以便编辑
  --cases-out FILE    把草稿的情景用例写入文件
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules draft ID --author NAME [--from-draft DRAFT] [--rollback-to N] [--note TEXT] [--out FILE] [--cases-out FILE] [options]

Starts a draft of the next version: the content of the version in force today, with that
version's scenario cases carried over (relabelled for the next version); --from-draft starts
from another draft (a rejected one, say), --rollback-to N from version N (a rollback goes
through the same lifecycle). Only its author edits, submits or withdraws a draft; another
person, an approver, approves it to publish it.

Options:
  --author NAME       who writes the draft
  --from-draft ID     start from another draft
  --rollback-to N     start from version N's content and cases (a rollback)
  --note TEXT         why
  --out FILE          write the draft's rule set to a file, to edit it
  --cases-out FILE    write the draft's scenario cases to a file
{lang}
{store}
{help}`,
  },
  'help.rules.drafts': {
    zh: `用法：tuopin rules drafts ID [DRAFT] [选项]

某标准的草稿，从旧到新，每个草稿的状态和每一步（谁、何时、说明）；给出 DRAFT 时只列该草稿。

选项：
  --json            以 JSON 输出：列表中每一步的报告只给摘要；给出 DRAFT 时给完整报告
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules drafts ID [DRAFT] [options]

A standard's drafts, oldest first, each with its status and steps (who, when, what note); with
DRAFT, that draft alone.

Options:
  --json            print JSON: the list gives each step's report as its summary; with
                    DRAFT, the whole report
{lang}
{store}
{help}`,
  },
  'help.rules.save': {
    zh: `用法：tuopin rules save ID DRAFT FILE --author NAME [--cases FILE] [--note TEXT] [选项]

保存草稿的规则集（FILE）和情景用例（--cases；不给则保留草稿现有的用例）。只有起草人能在提交前保存。

选项：
  --author NAME     起草人
  --cases FILE      草稿的情景用例
  --note TEXT       说明
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules save ID DRAFT FILE --author NAME [--cases FILE] [--note TEXT] [options]

Saves the draft's rule set (FILE) and scenario cases (--cases; without it the draft keeps its
cases). Only the author saves, and only before submitting.

Options:
  --author NAME     the draft's author
  --cases FILE      the draft's scenario cases
  --note TEXT       why
{lang}
{store}
{help}`,
  },
  'help.rules.cases': {
    zh: `用法：tuopin rules cases ID DRAFT --author NAME [--confirm 用例名 …|--confirm-all] [选项]
      tuopin rules cases --from-in-force DRAFT.json --out CASES.json [--confirm 用例名 …|--confirm-all] [选项]

用施行中的版本和草稿分别判定草稿的情景用例，并排列出：预期、施行中的结果、草稿的结果、是否改变。
--confirm 把所列用例的预期改为草稿的结果（可重复），--confirm-all 确认所有不符合预期的用例：
提高贫困线只需确认，不必手写 JSON。第一种形式保存到存储中的草稿（起草人），
第二种形式把施行中版本的用例带到草案文件的版本，确认后写入 --out，供 "publish --cases" 或 "save --cases" 使用。

选项：
  --author NAME       起草人（第一种形式）
  --from-in-force F   草案文件（第二种形式）
  --out FILE          写出用例的文件（第二种形式）
  --confirm NAME      确认该用例的新预期（可重复）
  --confirm-all       确认所有不符合预期的用例
  --json              以 JSON 输出
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules cases ID DRAFT --author NAME [--confirm NAME …|--confirm-all] [options]
       tuopin rules cases --from-in-force DRAFT.json --out CASES.json [--confirm NAME …|--confirm-all] [options]

Judges the draft's scenario cases with the version in force and with the draft, side by side:
what each expects, what it came to before and after, and whether the draft changes it.
--confirm takes the draft's result as the named case's expectation (repeat it), --confirm-all
does so for every case not as expected: raising a poverty line takes confirmations, not
hand-written JSON. The first form saves into the stored draft (its author); the second carries
the in-force version's cases to the draft file's version and writes them, confirmed, to --out,
for "publish --cases" or "save --cases".

Options:
  --author NAME       the draft's author (first form)
  --from-in-force F   the draft file (second form)
  --out FILE          where the cases are written (second form)
  --confirm NAME      confirm this case's new expectation (repeatable)
  --confirm-all       confirm every case not as expected
  --json              print JSON
{lang}
{store}
{help}`,
  },
  'help.rules.submit': {
    zh: `用法：tuopin rules submit ID DRAFT --author NAME [--note TEXT] [选项]

起草人提交草稿待批准：草稿要过完整的发布检查（结构 → 下一版本号 → 静态检查 → 情景用例 → 影响预览），
检查报告和影响预览随这一步存下，审批人看到的就是它。提交后草稿不能再修改。

选项：
  --author NAME     起草人
  --note TEXT       给审批人的说明
{preview}
{progress}
{lang}
{store}
{help}

退出码：0 已提交，1 未通过检查，2 用法错误。`,
    en: `Usage: tuopin rules submit ID DRAFT --author NAME [--note TEXT] [options]

Its author submits the draft for approval: the draft goes through the whole publish gate
(schema → next version → static checks → scenario cases → impact preview), whose report and
impact preview are stored with the step, as the approver will see them. A submitted draft is
not edited any more.

Options:
  --author NAME     the draft's author
  --note TEXT       a note for the approver
{preview}
{progress}
{lang}
{store}
{help}

Exit status: 0 when submitted, 1 when the gate refuses it, 2 for a usage error.`,
  },
  'help.rules.approve': {
    zh: `用法：tuopin rules approve ID DRAFT --author NAME [--note TEXT] [选项]

审批人批准已提交的草稿并发布：发布检查在当前的全部数据上重新运行，报告作为"批准时的影响"存下，
版本记录起草人和审批人。起草人不能批准自己的草稿（存储本身拒绝），除非部署允许本人批准
（--allow-self-approval 或 ALLOW_SELF_APPROVAL=true），此时记为本人批准。

选项：
  --author NAME           审批人
  --note TEXT             批准说明
  --allow-self-approval   允许起草人本人批准（小县的部署设置）
{preview}
{progress}
{lang}
{store}
{help}

退出码：0 已发布，1 未通过检查或被拒，2 用法错误。`,
    en: `Usage: tuopin rules approve ID DRAFT --author NAME [--note TEXT] [options]

An approver approves a submitted draft and publishes it: the publish gate runs again on all
the data as it is now, its report is stored as the impact as approved, and the version records
its author and its approver. The author cannot approve their own draft (the store itself
refuses) unless the deployment allows self-approval (--allow-self-approval or
ALLOW_SELF_APPROVAL=true); it is then recorded as self-approved.

Options:
  --author NAME           the approver
  --note TEXT             a note on the approval
  --allow-self-approval   let an author approve their own draft (a small county's setting)
{preview}
{progress}
{lang}
{store}
{help}

Exit status: 0 when published, 1 when refused, 2 for a usage error.`,
  },
  'help.rules.reject': {
    zh: `用法：tuopin rules reject ID DRAFT --author NAME --note TEXT [选项]

审批人驳回已提交的草稿，并说明原因。被驳回的草稿不再修改；起草人可用 "draft --from-draft" 从它重新开始。

选项：
  --author NAME     审批人
  --note TEXT       驳回原因（必填）
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules reject ID DRAFT --author NAME --note TEXT [options]

An approver rejects a submitted draft, saying why. A rejected draft is not edited again; its
author starts anew from it with "draft --from-draft".

Options:
  --author NAME     the approver
  --note TEXT       why (required)
{lang}
{store}
{help}`,
  },
  'help.rules.withdraw': {
    zh: `用法：tuopin rules withdraw ID DRAFT --author NAME [--note TEXT] [选项]

起草人撤回草稿或已提交的草稿；撤回后不再修改。

选项：
  --author NAME     起草人
  --note TEXT       原因
{lang}
{store}
{help}`,
    en: `Usage: tuopin rules withdraw ID DRAFT --author NAME [--note TEXT] [options]

Its author withdraws a draft or a submission; it is not edited again.

Options:
  --author NAME     the draft's author
  --note TEXT       why
{lang}
{store}
{help}`,
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;
