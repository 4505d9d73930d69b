/**
 * The help texts of `tuopin` and each of its commands, in Chinese and English. `{store}`,
 * `{lang}`, `{progress}`, `{gate}`, `{preview}` and `{cases}` take the shared option blocks
 * below, so an option is explained the same way everywhere. Part of the one catalogue.
 */
export const HELP_MESSAGES = {
  'help.main': {
    zh: `用法：tuopin <命令> [选项]

命令：
  score     导入数据集，对其运行夜间流程并写出输出文件
  import    把数据集文件夹载入存储
  nightly   对存储中的数据运行夜间流程
  export    把本季度存储的判定、评分和名单写成输出文件
  rules     列出、查看、校验、测试、比较、发布、查看历史和回退规则集版本
  serve     在 127.0.0.1 上提供评估 API（与 Lambda 同一套处理程序）
  demo      在内嵌存储上对样例县做夜间评分
  template  写出县里填报员填写的 .xlsx 工作簿
运行 "tuopin <命令> --help" 查看该命令的选项；"tuopin --version" 显示版本。
加 --lang zh|en 选择语言（默认取 LC_ALL、LC_MESSAGES、LANG）。`,
    en: `Usage: tuopin <command> [options]

Commands:
  score     import a dataset, run the nightly pipeline on it and write the output files
  import    load a dataset folder into the store
  nightly   run the nightly pipeline on what the store holds
  export    write the quarter's stored verdicts, scores and lists as output files
  rules     list, show, validate, test, diff, publish, history and roll back rule-set versions
  serve     the evaluation API on 127.0.0.1 (same handlers as the Lambdas)
  demo      the nightly scoring of the sample county on the embedded store
  template  write the .xlsx workbook a county clerk fills in
Run "tuopin <command> --help" for a command's options; "tuopin --version" prints the version.
Add --lang zh|en for the language (default from LC_ALL, LC_MESSAGES, LANG).`,
  },

  'help.store': {
    zh: `  --db DIR          内嵌的 DynamoDB 兼容存储所在文件夹（默认 .tuopin/db）
  --endpoint URL    改用此 DynamoDB（或 DynamoDB Local）端点，不用内嵌存储
  --table NAME      表名（默认 tuopin）
  --store memory    只在内存中保存，仅限本次运行（最快）`,
    en: `  --db DIR          folder of the embedded DynamoDB-compatible store (default .tuopin/db)
  --endpoint URL    use this DynamoDB (or DynamoDB Local) endpoint instead of the embedded store
  --table NAME      table name (default tuopin)
  --store memory    keep everything in memory for this run only (the fast path)`,
  },
  'help.cases': {
    zh: `  --cases FILE      草案的情景用例（默认为本仓库的 test/scenarios/<id>/v<N>.cases.json，
                    如存在）`,
    en: `  --cases FILE      the draft's scenario cases (default test/scenarios/<id>/v<N>.cases.json
                    of this repository, when it exists)`,
  },
  'help.preview': {
    zh: `  --quarter Q       影响预览的季度，如 2018Q3（默认：存储中最近一次运行的季度，否则为草案
                    effectiveFrom 年份的第四季度）
  --years LIST      每张年份表还须覆盖的考核年份，如 2018,2019（存储中运行的年份和草案
                    effectiveFrom 的年份总在其中）
  --json            以 JSON 输出报告`,
    en: `  --quarter Q       the quarter of the impact preview, like 2018Q3 (default: the quarter of
                    the latest run in the store, else the draft's effectiveFrom year, Q4)
  --years LIST      more assessment years every year table must cover, like 2018,2019 (the
                    years of the store's runs and the draft's effectiveFrom year always are)
  --json            print the report as JSON`,
  },
  'help.helpOption': { zh: '  -h, --help        本说明', en: '  -h, --help        this text' },

  'help.import': {
    zh: `用法：tuopin import --data DIR [选项]

把数据集文件夹（JSON Lines、CSV 或 .xlsx）载入存储。有问题的行会连同文件、行号、字段和原因报告并跳过；
其余行照常载入。再次导入按编号新增或替换，不会重复。

数据集是其所含各县的完整台账：这些县中数据集不再包含的乡镇、村、帮扶单位和农户，连同其判定一起从存储中
清退，并按村列出编号。数据集不含的县保持不变。今天被拒的行保留已存记录，其所属村或县在需要它的项目上
保持“无法判定”，直到一次干净的导入。没有任何农户的数据集会被拒绝。退出码：0 已导入，3 导入但有被拒的行，
1 被拒或失败，2 用法错误。

选项：
  --data DIR        数据集文件夹
  --upsert          只新增和替换记录，不清退任何记录（局部更正）
{store}
{lang}
{progress}
{help}`,
    en: `Usage: tuopin import --data DIR [options]

Loads a dataset folder (JSON Lines or CSV) into the store. Bad rows are reported with file,
line, field and reason, and skipped; the good rows go in. Importing again upserts by id and
never duplicates.

A dataset is the full registry of the counties it holds: every township, village, assisting
unit and household of those counties that it no longer holds is removed from the store with
its verdicts (清退), and listed by village with its ids. Counties it does not hold are left
as they are. A row rejected today keeps its stored record, and the village or county it
belongs to stays unknown for the items that need it until a clean import. A dataset with no
household is refused. Exit status: 0 imported, 3 imported with rejected rows, 1 refused or
failed, 2 usage error.

Options:
  --data DIR        dataset folder
  --upsert          only add and replace records by id, remove nothing (a partial correction)
{store}
{lang}
{progress}
{help}`,
  },
  'help.score': {
    zh: `用法：tuopin score --data DIR --quarter 2018Q4 --out DIR [选项]

把数据集文件夹导入存储，对其运行夜间流程（每条记录按其状态适用的标准判定），把 verdicts.jsonl、
scores.jsonl、accountability.jsonl 和 summary.json 导出到 --out，并在旁边写出 report.xlsx 和
accountability.pdf，然后打印可读的汇总。

选项：
  --data DIR        数据集文件夹：counties、townships、villages、households
                    （另可有 units、card-history），每种为 .jsonl、.csv 或 .xlsx，
                    或一个每种一张工作表的 .xlsx 工作簿
  --quarter Q       运行的季度，如 2018Q4；其年份即考核年度，其最后一天决定施行的规则集版本
  --out DIR         输出文件的文件夹（没有则创建）
  --upsert          导入时只新增和替换记录；默认数据集是其所含各县的完整台账，不再包含的记录被清退
{store}
  --rules DIR       用此文件夹的规则集判定，不用存储中的
  --evaluator NAME  compiled（默认）或 reference（json-rules-engine 本身）
{lang}
{progress}
{help}

被拒的行列在 stderr 和 summary.json 中；它们所属的村和县在需要它们的项目上为“无法判定”。没有任何
农户的数据集会被拒绝。退出码：0 运行成功，3 完成但有被拒的行（状态 succeeded-with-rejected-rows，
见最后一行），1 运行失败或数据集被拒，2 用法错误。`,
    en: `Usage: tuopin score --data DIR --quarter 2018Q4 --out DIR [options]

Imports a dataset folder into the store, runs the nightly pipeline on it (every record judged
by the standards that apply to its status) and exports verdicts.jsonl, scores.jsonl,
accountability.jsonl and summary.json to --out, then report.xlsx and accountability.pdf beside
them, and prints the readable summary.

Options:
  --data DIR        dataset folder: counties, townships, villages, households
                    (+ optional units, card-history), each as .jsonl, .csv or
                    .xlsx, or one .xlsx workbook with a sheet per kind
  --quarter Q       the quarter of the run, like 2018Q4; its year is the assessment year
                    and its last day selects the rule-set versions in force
  --out DIR         folder for the output files (created if needed)
  --upsert          import by adding and replacing records only; by default the dataset is the
                    full registry of its counties and what they no longer hold is removed
{store}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference (json-rules-engine itself)
{lang}
{progress}
{help}

Rejected rows are listed on stderr and in summary.json; the villages and counties they belong
to are unknown for the items that need them. A dataset with no household is refused.
Exit status: 0 when the run succeeded, 3 when it completed with rejected rows (status
succeeded-with-rejected-rows, said on the last line), 1 when it failed or the dataset was
refused, 2 for a usage error.`,
  },

  'help.nightly': {
    zh: `用法：tuopin nightly --quarter 2018Q4 [选项]

对存储中的数据运行夜间流程：计划 → 分批评村 → 汇总县 → 考核问责 → 运行记录。判定只在改变时写入。
以 JSON 打印运行记录；加 --out 时把本季度的输出文件、report.xlsx 和 accountability.pdf 写到那里，
并改为打印可读的汇总。结果在 stderr 的最后一行说明。某县上次导入被拒的行使需要它们的项目保持
“无法判定”。退出码：0 成功，3 成功但有被拒的行，1 失败，2 用法错误。

选项：
  --quarter Q       运行的季度
{store}
  --rules DIR       用此文件夹的规则集判定，不用存储中的
  --evaluator NAME  compiled（默认）或 reference
  --out DIR         把本次运行的输出文件和报告写到此文件夹
{lang}
{progress}
{help}`,
    en: `Usage: tuopin nightly --quarter 2018Q4 [options]

Runs the nightly pipeline on what the store holds: plan → score villages in batches →
aggregate counties → accountability → run record. Verdicts are written only where they
changed. Prints the run record as JSON; with --out, writes the quarter's output files, report.xlsx
and accountability.pdf there and prints the readable summary instead. The outcome is said on
stderr's last line. Rows rejected by the last import of a county keep the items that need them
unknown. Exit status: 0 succeeded, 3 succeeded with rejected rows, 1 failed, 2 usage error.

Options:
  --quarter Q       the quarter of the run
{store}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference
  --out DIR         write the output files and reports of the run to this folder
{lang}
{progress}
{help}`,
  },

  'help.export': {
    zh: `用法：tuopin export --quarter 2018Q4 --out DIR [选项]

把存储中本季度的数据写成一次运行的输出文件：verdicts.jsonl、scores.jsonl、accountability.jsonl 和
summary.json（含本季度最近一次运行记录），再在旁边写出 report.xlsx 和 accountability.pdf，并打印可读的汇总。

选项：
  --quarter Q       季度
  --out DIR         输出文件的文件夹
{store}
{lang}
{progress}
{help}`,
    en: `Usage: tuopin export --quarter 2018Q4 --out DIR [options]

Writes what the store holds for the quarter as the output files of a run: verdicts.jsonl,
scores.jsonl, accountability.jsonl and summary.json (with the quarter's latest run record), then
report.xlsx and accountability.pdf beside them, and prints the readable summary.

Options:
  --quarter Q       the quarter
  --out DIR         folder for the output files
{store}
{lang}
{progress}
{help}`,
  },

  'help.demo': {
    zh: `用法：tuopin demo [选项]

在内嵌存储上对样例县运行 \`tuopin score\`：导入 data/sample-county，首次运行时发布已审定的规则集，
运行 2018Q4 的夜间流程，把输出文件、report.xlsx 和 accountability.pdf 写到 .tuopin/demo-out，
并打印每次运行结束时的可读汇总。

选项：
  --quarter Q       默认 2018Q4
  --out DIR         默认 .tuopin/demo-out
{store}
{lang}
{progress}
{help}`,
    en: `Usage: tuopin demo [options]

\`tuopin score\` on the sample county, on the embedded store: imports data/sample-county,
publishes the reviewed rule sets on first run, runs the nightly pipeline for 2018Q4, writes
the output files, report.xlsx and accountability.pdf to .tuopin/demo-out and prints the
readable summary every run ends with.

Options:
  --quarter Q       default 2018Q4
  --out DIR         default .tuopin/demo-out
{store}
{lang}
{progress}
{help}`,
  },

  'help.template': {
    zh: `用法：tuopin template --out FILE.xlsx

写出县里填报员填写的工作簿：每种记录一张表（县、乡镇、帮扶单位、村、农户、考核记录），每个表头单元格
有中文名并附英文名，每个代码列和是/否列有下拉列表，有数据字典的示例行，另有一张“说明”表解释每一列。
把填好的工作簿单独放进一个文件夹，用 --data 评分。

选项：
  --out FILE.xlsx   工作簿写到哪里
{lang}
{help}`,
    en: `Usage: tuopin template --out FILE.xlsx

Writes the workbook a county clerk fills in: a sheet per kind (县, 乡镇, 帮扶单位, 村, 农户,
考核记录) with the zh header and the English name in each header cell, drop-down lists for
every code and 是/否 column, the data dictionary's example row, and a 说明 sheet explaining
every column. Put the filled-in workbook alone in a folder and score it with --data.

Options:
  --out FILE.xlsx   where to write the workbook
{lang}
{help}`,
  },
  'help.serve': {
    zh: `用法：tuopin serve [--port 8080] [--db DIR | --endpoint URL] [--table NAME] [--credentials FILE]

在 http://127.0.0.1:<port> 上用与所部署 Lambda 相同的处理程序提供评估 API，数据在 --db 的内嵌存储或
DynamoDB 端点中。存储中还没有规则集时，先发布仓库的 rules/。按 Ctrl-C 停止。

与 AWS 上一样，每个请求都须用 SigV4（服务 execute-api）签名：评估路由用身份 "evaluation"，/rule-sets
路由用 "policy-staff"。它们的密钥在凭证文件中，首次启动时以随机密钥创建（权限 0600）。Host 不是
127.0.0.1:<port> 或 localhost:<port>、来源是别的站点、POST 请求体不是 application/json 的请求都会被拒绝。

网页控制台在 /（由 npm ci 或 npm run console:build 构建）：终端为每个角色（viewer、policy-staff、
approver）打印一次性登录网址；浏览器会话只能调用其角色的路由，正如签名身份受其 IAM 策略约束。

选项：
  --port N            127.0.0.1 上的端口（默认 8080；0 表示任选空闲端口）
  --db DIR            内嵌的 DynamoDB 兼容存储所在文件夹（默认 .tuopin/db）
  --endpoint URL      改用此 DynamoDB（或 DynamoDB Local）端点，不用内嵌存储
  --table NAME        表名（默认 tuopin）
  --credentials FILE  本地凭证（默认 DIR/credentials.json，用 --endpoint 时为 .tuopin/credentials.json）
{lang}
  -h, --help          本说明`,
    en: `Usage: tuopin serve [--port 8080] [--db DIR | --endpoint URL] [--table NAME] [--credentials FILE]

Serves the evaluation API on http://127.0.0.1:<port> with the same handlers as the deployed
Lambdas, on the embedded store in --db or on a DynamoDB endpoint. Publishes the repository's
rules/ into the store when it has none yet. Stops on Ctrl-C.

As on AWS, every request must be signed with SigV4 (service execute-api): by the identity
"evaluation" for the evaluation routes, by "policy-staff" for the /rule-sets routes. Their keys
are in the credentials file, created with random secrets on first start (mode 0600). A Host
other than 127.0.0.1:<port> or localhost:<port>, a foreign Origin, and a POST body that is not
application/json are refused.

The web console is served at / (built by npm ci, or npm run console:build): the terminal prints
a one-time sign-in URL per role (viewer, policy-staff, approver); the browser's session is held
to its role's routes exactly as a signing identity is to its IAM policy's.

Options:
  --port N            port on 127.0.0.1 (default 8080; 0 picks a free one)
  --db DIR            folder of the embedded DynamoDB-compatible store (default .tuopin/db)
  --endpoint URL      use this DynamoDB (or DynamoDB Local) endpoint instead of the embedded store
  --table NAME        table name (default tuopin)
  --credentials FILE  the local credentials (default DIR/credentials.json, or .tuopin/credentials.json with --endpoint)
{lang}
  -h, --help          this text`,
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;
