<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountGate</name>
    <message>
        <source>审计记录异常</source>
        <translation>Audit trail anomaly</translation>
    </message>
    <message>
        <source>核对审计记录时发现异常。为保护证据，程序现在以只读方式运行，直到主任确认。</source>
        <translation>Checking the audit trail found an anomaly. To protect the evidence, the program now runs read-only until the chair acknowledges it.</translation>
    </message>
    <message>
        <source>我已知晓，确认并恢复可写</source>
        <translation>I understand: acknowledge and allow changes again</translation>
    </message>
    <message>
        <source>以只读方式继续</source>
        <translation>Continue read-only</translation>
    </message>
    <message>
        <source>无法确认使用人</source>
        <translation>Cannot confirm who is using the program</translation>
    </message>
</context>
<context>
    <name>AccountPickerDialog</name>
    <message>
        <source>选择使用人</source>
        <translation>Who is using the program?</translation>
    </message>
    <message>
        <source>请选择您本人的账户，并输入个人口令（PIN）：</source>
        <translation>Select your own account and enter your personal PIN:</translation>
    </message>
    <message>
        <source>个人口令：</source>
        <translation>Personal PIN:</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请先选择一个账户。</source>
        <translation>Please select an account first.</translation>
    </message>
    <message>
        <source>请输入个人口令。</source>
        <translation>Please enter your personal PIN.</translation>
    </message>
    <message>
        <source>正在核对……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>切换使用人</source>
        <translation>Switch person</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>新建账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <source>停用所选账户</source>
        <translation>Disable selected account</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (disabled)</translation>
    </message>
    <message>
        <source>已新建账户：</source>
        <translation>Account created: </translation>
    </message>
    <message>
        <source>请先选择一个账户。</source>
        <translation>Please select an account first.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已为“%1”重设个人口令（已记入审计记录）。</source>
        <translation>A new personal PIN was set for “%1” (recorded in the audit trail).</translation>
    </message>
    <message>
        <source>重设个人口令…</source>
        <translation>Reset PIN…</translation>
    </message>
</context>
<context>
    <name>Action</name>
    <message>
        <source>查看全部案件</source>
        <translation>View all cases</translation>
    </message>
    <message>
        <source>查看案件</source>
        <translation>View case</translation>
    </message>
    <message>
        <source>登记案件</source>
        <translation>Register case</translation>
    </message>
    <message>
        <source>修改案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>推进案件阶段</source>
        <translation>Move case to next stage</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>申请回避</source>
        <translation>Request recusal</translation>
    </message>
    <message>
        <source>记录认定结论</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>打开附件</source>
        <translation>Open attachment</translation>
    </message>
    <message>
        <source>指定案件委员</source>
        <translation>Assign case members</translation>
    </message>
    <message>
        <source>管理账户</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <source>查看审计记录</source>
        <translation>View audit trail</translation>
    </message>
    <message>
        <source>确认审计异常</source>
        <translation>Acknowledge audit anomaly</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>解锁失败</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <source>升级数据库结构</source>
        <translation>Upgrade database schema</translation>
    </message>
    <message>
        <source>导出封存的备案报告</source>
        <translation>Export sealed filing reports</translation>
    </message>
    <message>
        <source>设置签名证书</source>
        <translation>Set the signing certificate</translation>
    </message>
    <message>
        <source>记录办理事项</source>
        <translation>Record a step of the case</translation>
    </message>
    <message>
        <source>揭晓评分</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>开始新一轮评分</source>
        <translation>Open a new round of scoring</translation>
    </message>
    <message>
        <source>录入纸质评分票</source>
        <translation>Enter a paper ballot</translation>
    </message>
</context>
<context>
    <name>ActionGate</name>
    <message>
        <source>只读：审计记录异常，待主任确认</source>
        <translation>Read-only: audit trail anomaly, awaiting the chair&apos;s acknowledgement</translation>
    </message>
    <message>
        <source>确认审计异常</source>
        <translation>Acknowledge audit anomaly</translation>
    </message>
    <message>
        <source>确认后，这些异常会以您的名义记入审计记录，数据库恢复可写。如怀疑数据被改动，请先从备份恢复或保留现场，再确认。</source>
        <translation>Once acknowledged, these anomalies are recorded in the audit trail in your name and the database can be changed again. If you suspect the data were altered, restore from a backup or preserve the evidence first, then acknowledge.</translation>
    </message>
    <message>
        <source>确认并恢复可写</source>
        <translation>Acknowledge and allow changes</translation>
    </message>
    <message>
        <source>已确认审计异常，数据库恢复可写。</source>
        <translation>Audit anomaly acknowledged; the database can be changed again.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>数据目录无法写入：{folder}
（{reason}）

请检查该目录的权限，或用 --data-dir 指定另一个目录。程序将退出，没有改动任何文件。</source>
        <translation>The data folder cannot be written: {folder}
({reason})

Please check the folder&apos;s permissions, or choose another folder with --data-dir. The program will now exit; no file has been changed.</translation>
    </message>
    <message>
        <source>数据目录不可用</source>
        <translation>Data folder unavailable</translation>
    </message>
    <message>
        <source>容错免责案件库</source>
        <translation>Error Tolerance Cases</translation>
    </message>
</context>
<context>
    <name>ApplicantType</name>
    <message>
        <source>当事人</source>
        <translation>The party</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>The party&apos;s unit</translation>
    </message>
    <message>
        <source>纪检监察机关</source>
        <translation>Discipline inspection organ</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>案件附件…</source>
        <translation>Case attachments…</translation>
    </message>
    <message>
        <source>案件附件</source>
        <translation>Case attachments</translation>
    </message>
    <message>
        <source>请先在列表中选择一个案件。</source>
        <translation>Please select a case in the list first.</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>附件：%1</source>
        <extracomment>export(folder) -&gt; written path: a named function or method (it runs on the database thread).</extracomment>
        <translation>Attachment: %1</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法显示这张图片（文件可能已损坏或格式不受支持）。可以导出后用其他程序查看。</source>
        <translation>This image cannot be shown (the file may be damaged or in an unsupported format). You can export it and view it in another program.</translation>
    </message>
    <message>
        <source>这种文件不能在程序内查看。
如需查看，请点击“导出…”保存到您选择的文件夹。</source>
        <translation>This type of file cannot be viewed inside the program.
To view it, click “Export…” and save it to a folder of your choice.</translation>
    </message>
    <message>
        <source>无法显示这个 PDF（文件可能已损坏或加了密码）。可以导出后用其他程序查看。</source>
        <translation>This PDF cannot be shown (the file may be damaged or password-protected). You can export it and view it in another program.</translation>
    </message>
    <message>
        <source>共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <source>导出附件</source>
        <translation>Export attachment</translation>
    </message>
    <message>
        <source>导出的文件是未加密的明文副本，任何能访问该文件夹的人都能打开它。请只导出到您能控制的位置，用完后及时删除。是否继续？</source>
        <translation>The exported file is an unencrypted copy: anyone who can reach the folder can open it. Export only to a place you control, and delete the copy when you are done. Continue?</translation>
    </message>
    <message>
        <source>选择导出到的文件夹</source>
        <translation>Choose the folder to export to</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已保存到：%1</source>
        <translation>Saved to: %1</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>继续导出</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>附件 — %1</source>
        <translation>Attachments — %1</translation>
    </message>
    <message>
        <source>附件加密保存在数据库内，上限 %1 MB；PDF 和图片在程序内打开，不会在磁盘上留下明文。</source>
        <translation>Attachments are stored encrypted inside the database, at most %1 MB each; PDFs and images open inside the program and leave no plaintext on disk.</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>操作失败。</source>
        <translation>The operation failed.</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>选择要添加的证据文件</source>
        <translation>Choose the evidence file to add</translation>
    </message>
    <message>
        <source>正在加密保存…</source>
        <translation>Encrypting and saving…</translation>
    </message>
    <message>
        <source>已添加：%1</source>
        <translation>Added: %1</translation>
    </message>
    <message>
        <source>选择导出到的文件夹</source>
        <translation>Choose the folder to export to</translation>
    </message>
    <message>
        <source>已导出到：%1</source>
        <translation>Exported to: %1</translation>
    </message>
    <message>
        <source>只读：审计记录异常，待主任确认</source>
        <translation>Read-only: audit trail anomaly, awaiting the chair&apos;s acknowledgement</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <source>听证投屏</source>
        <translation>Hearing projection</translation>
    </message>
    <message>
        <source>%1&#x3000;%2&#x3000;当事人：%3</source>
        <translation>%1  %2  Person concerned: %3</translation>
    </message>
    <message>
        <source>第 %1 部分（共 %2 部分）</source>
        <translation>Part %1 of %2</translation>
    </message>
    <message>
        <source>&#x3000;本部分第 %1/%2 页</source>
        <translation>  page %1/%2 of this part</translation>
    </message>
    <message>
        <source>计时 %1</source>
        <translation>Timer %1</translation>
    </message>
</context>
<context>
    <name>AuditTimelineWidget</name>
    <message>
        <source>办理记录</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>暂无记录。</source>
        <translation>No entries yet.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>备份到…</source>
        <translation>Back up to…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份到…</source>
        <translation>Back up to…</translation>
    </message>
    <message>
        <source>备份文件已加密，只能用恢复口令打开，可以放在U盘或其他电脑上。恢复时会先完整检查备份，当前数据库会先原样保留。</source>
        <translation>The backup file is encrypted and opens only with the recovery passphrase, so it may be kept on a USB stick or another computer. A restore checks the backup completely first, and keeps the current database as it is.</translation>
    </message>
    <message>
        <source>选择备份保存到的文件夹</source>
        <translation>Choose the folder to save the backup in</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>开始备份</source>
        <translation>Start backup</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请先选择一个文件夹。</source>
        <translation>Please choose a folder first.</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>备份完成：%1</source>
        <translation>Backup complete: %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>备份失败。当前数据库没有任何改动。</source>
        <translation>The backup failed. The current database has not been changed.</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>CaseFileActions</name>
    <message>
        <source>登记新案件…</source>
        <translation>Register new case…</translation>
    </message>
    <message>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>典型案例库…</source>
        <translation>Typical-case library…</translation>
    </message>
    <message>
        <source>工作台：待办与逾期</source>
        <translation>Workbench: due and overdue</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>请先在列表中选择一个案件。</source>
        <translation>Please select a case in the list first.</translation>
    </message>
    <message>
        <source>跟踪回访</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>CaseLibraryDialog</name>
    <message>
        <source>典型案例库</source>
        <translation>Typical-case library</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>摘要或文号中的字词</source>
        <translation>A word of the summary or the document number</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>认定日期</source>
        <translation>Decided on</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>共 {total} 件</source>
        <translation>{total} cases</translation>
    </message>
    <message>
        <source>显示 {shown} 件</source>
        <translation>{shown} shown</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between stage counts</comment>
        <translation>   </translation>
    </message>
    <message>
        <source>%1&#x3000;｜&#x3000;%2</source>
        <comment>totals, then counts per stage</comment>
        <translation>%1   |   %2</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <source>搜索文号、当事人、单位、事实</source>
        <translation>Search case no., party, unit, facts</translation>
    </message>
    <message>
        <source>案件数读取失败：请用“数据 → 检查数据库完整性”检查</source>
        <translation>Case counts could not be read: check the store with Data → Check database integrity</translation>
    </message>
</context>
<context>
    <name>CaseNewDialog</name>
    <message>
        <source>登记新案件</source>
        <translation>Register a new case</translation>
    </message>
    <message>
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>申请人类型</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>如 容错〔2026〕3号</source>
        <translation>e.g. 容错〔2026〕3号</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>规则库</source>
        <translation>Rulebook</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>申请的容错情形（规则库清单）</source>
        <translation>Situations claimed (the rulebook&apos;s list)</translation>
    </message>
    <message>
        <source>情形相同的典型案例</source>
        <translation>Typical cases of the same situation</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
</context>
<context>
    <name>CaseRecordDialog</name>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>调查日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>调查人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <source>如：王某、李某</source>
        <translation>e.g. 王某、李某</translation>
    </message>
    <message>
        <source>调查核实的情况</source>
        <translation>Facts verified</translation>
    </message>
    <message>
        <source>所在单位意见</source>
        <translation>The unit&apos;s opinion</translation>
    </message>
    <message>
        <source>当事人陈述申辩</source>
        <translation>The person&apos;s statement</translation>
    </message>
    <message>
        <source>关联附件</source>
        <translation>Linked attachments</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>听证的专业人员，或参加会商的部门</source>
        <translation>The experts heard, or the departments consulted</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>反馈对象</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Date notified</translation>
    </message>
    <message>
        <source>反馈方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>公开范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>如：全区党员干部</source>
        <translation>e.g. all Party members of the district</translation>
    </message>
    <message>
        <source>公开方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>公开日期</source>
        <translation>Date disclosed</translation>
    </message>
    <message>
        <source>公开的文本</source>
        <translation>Text disclosed</translation>
    </message>
    <message>
        <source>姓名须隐去，如“谢某某”</source>
        <translation>Names must be masked, e.g. “谢某某”</translation>
    </message>
    <message>
        <source>按案情生成隐名文本</source>
        <translation>Draft a masked text from the facts</translation>
    </message>
    <message>
        <source>第几次回访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Date of visit</translation>
    </message>
    <message>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>Form of visit</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Findings of the visit</translation>
    </message>
    <message>
        <source>思想状态、工作表现、需要的帮助</source>
        <translation>State of mind, work, help needed</translation>
    </message>
</context>
<context>
    <name>CaseSectionApplication</name>
    <message>
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>如 容错〔2026〕3号</source>
        <translation>e.g. 容错〔2026〕3号</translation>
    </message>
    <message>
        <source>申请人类型</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>被问责的事项</source>
        <translation>The matter held to account</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>事情经过、主观动机、采取的措施和结果</source>
        <translation>What happened, the motive, the measures taken and the outcome</translation>
    </message>
    <message>
        <source>申请的情形</source>
        <translation>Claimed situation</translation>
    </message>
    <message>
        <source>申请人认为符合的容错情形</source>
        <translation>The situation the applicant claims</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>清单中的情形</source>
        <translation>Situations on the checklist</translation>
    </message>
</context>
<context>
    <name>CaseSectionChecklist</name>
    <message>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>保存研判清单</source>
        <translation>Save checklist</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CaseSectionClearance</name>
    <message>
        <source>对受到不实反映的干部及时澄清正名、消除负面影响：先核查，再听取本人意愿，选定澄清方式。</source>
        <translation>Clear a cadre falsely accused and undo the harm: verify first, then hear the person&apos;s wishes and choose how to clear them.</translation>
    </message>
    <message>
        <source>核查结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>核查结论日期</source>
        <translation>Date of the finding</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>当事人意愿</source>
        <translation>The person&apos;s wishes</translation>
    </message>
    <message>
        <source>本人希望以何种方式、在什么范围澄清</source>
        <translation>How and before whom the person wishes to be cleared</translation>
    </message>
    <message>
        <source>澄清方式</source>
        <translation>Ways of clearing</translation>
    </message>
    <message>
        <source>书面澄清</source>
        <translation>Clearing letter</translation>
    </message>
    <message>
        <source>会议澄清</source>
        <translation>Clearing at a meeting</translation>
    </message>
    <message>
        <source>通报澄清</source>
        <translation>Clearing by circular</translation>
    </message>
    <message>
        <source>核查说明</source>
        <translation>Notes on the verification</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CaseSectionCommittee</name>
    <message>
        <source>固定成员加上按案件领域抽调的非固定成员（专家）组成本案的裁定委员会；回避的委员不能查看本案材料。</source>
        <translation>The case&apos;s committee: the fixed members plus non-fixed experts drawn for the case&apos;s field; a member who recused cannot read the case.</translation>
    </message>
    <message>
        <source>委员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>固定成员</source>
        <translation>Fixed member</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>按领域选专家</source>
        <translation>Expert by field</translation>
    </message>
    <message>
        <source>移出</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>记录回避…</source>
        <translation>Record recusal…</translation>
    </message>
    <message>
        <source>设为专家…</source>
        <translation>Make expert…</translation>
    </message>
</context>
<context>
    <name>CaseSectionDecision</name>
    <message>
        <source>从轻、减轻处理：运用的“四种形态”</source>
        <translation>Lighter handling: which of the “four forms” was used</translation>
    </message>
    <message>
        <source>形态</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>处理措施</source>
        <translation>Measure taken</translation>
    </message>
    <message>
        <source>如：批评教育、谈话提醒</source>
        <translation>e.g. criticism and education, a reminder talk</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>结果运用</source>
        <translation>Result usage</translation>
    </message>
    <message>
        <source>说明，如：2026 年度考核不因此扣分</source>
        <translation>Notes, e.g. no deduction in the 2026 annual appraisal</translation>
    </message>
    <message>
        <source>保存结果运用</source>
        <translation>Save result usage</translation>
    </message>
</context>
<context>
    <name>CaseSectionFeedback</name>
    <message>
        <source>结果反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Notified</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>记录反馈…</source>
        <translation>Record feedback…</translation>
    </message>
    <message>
        <source>事项公开</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>记录公开…</source>
        <translation>Record disclosure…</translation>
    </message>
</context>
<context>
    <name>CaseSectionFollowUp</name>
    <message>
        <source>报告备案</source>
        <translation>Filing</translation>
    </message>
    <message>
        <source>备案号</source>
        <translation>Filing number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>报送机关</source>
        <translation>Filed with</translation>
    </message>
    <message>
        <source>保存备案</source>
        <translation>Save filing</translation>
    </message>
    <message>
        <source>跟踪回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>应回访日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Date of visit</translation>
    </message>
    <message>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>记录回访…</source>
        <translation>Record visit…</translation>
    </message>
</context>
<context>
    <name>CaseSectionHearing</name>
    <message>
        <source>听证请行业或领域的专业人员评判（滨城）；情况复杂、敏感、影响重大的，多部门会商研判（荔湾）。</source>
        <translation>A hearing has experts of the field judge (Binzhou); complex, sensitive or major cases are discussed by several departments (Liwan).</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>添加听证、会商记录…</source>
        <translation>Add hearing or consultation…</translation>
    </message>
</context>
<context>
    <name>CaseSectionInvestigation</name>
    <message>
        <source>记录核实的事实、所在单位的意见和当事人的陈述申辩；可关联本案附件。</source>
        <translation>Record the facts verified, the unit&apos;s opinion and the person&apos;s statement; the case&apos;s attachments can be linked.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>调查人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <source>调查核实的情况</source>
        <translation>Facts verified</translation>
    </message>
    <message>
        <source>添加调查记录…</source>
        <translation>Add investigation record…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>本案附件…</source>
        <translation>Attachments of this case…</translation>
    </message>
    <message>
        <source>添加或查看本案的附件；调查记录可以关联这些附件</source>
        <translation>Add or view this case&apos;s attachments; investigation records can link them</translation>
    </message>
</context>
<context>
    <name>CaseSectionLinks</name>
    <message>
        <source>关联的事前备案（作为证据）</source>
        <translation>Linked prior registrations (as evidence)</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Typical case</translation>
    </message>
    <message>
        <source>摘要（隐去姓名，如“谢某某”）</source>
        <translation>Summary (names masked, e.g. “谢某某”)</translation>
    </message>
    <message>
        <source>隐去姓名</source>
        <translation>Mask names</translation>
    </message>
    <message>
        <source>列为典型案例</source>
        <translation>Mark as typical case</translation>
    </message>
    <message>
        <source>情形相同的典型案例</source>
        <translation>Typical cases of the same situation</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
</context>
<context>
    <name>CaseStageDialog</name>
    <message>
        <source>推进阶段</source>
        <translation>Move stage</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>适用的规则库</source>
        <translation>Rulebook</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>退回或不予受理的理由</source>
        <translation>Why the case moves back, or is not accepted</translation>
    </message>
    <message>
        <source>受理意见</source>
        <translation>Acceptance note</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>文号</source>
        <translation>Ref. no.</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>有逾期的跟踪回访</source>
        <translation>A follow-up visit is overdue</translation>
    </message>
</context>
<context>
    <name>CaseTransferActions</name>
    <message>
        <source>导出选中案件…</source>
        <translation>Export selected cases…</translation>
    </message>
    <message>
        <source>把列表中选中的案件导出为案件文件（明文 JSON）</source>
        <translation>Export the cases selected in the list to a case file (plaintext JSON)</translation>
    </message>
    <message>
        <source>导出全部案件…</source>
        <translation>Export all cases…</translation>
    </message>
    <message>
        <source>把您能查看的全部案件导出为一个案件集合文件（明文 JSON）</source>
        <translation>Export every case you may read to one collection file (plaintext JSON)</translation>
    </message>
    <message>
        <source>导入案件…</source>
        <translation>Import cases…</translation>
    </message>
    <message>
        <source>从另一台电脑导出的案件文件导入案件；先检查，再导入</source>
        <translation>Import cases from a file exported on another PC; checked first, then imported</translation>
    </message>
    <message>
        <source>导出案件</source>
        <translation>Export cases</translation>
    </message>
    <message>
        <source>请先在案件列表中选择要导出的案件（按住 Ctrl 或 Shift 可选择多件）。</source>
        <translation>First select the cases to export in the case list (hold Ctrl or Shift to select several).</translation>
    </message>
    <message>
        <source>全部案件</source>
        <translation>all cases</translation>
    </message>
    <message>
        <source>选中的 %1 件案件</source>
        <translation>the %1 selected cases</translation>
    </message>
    <message>
        <source>选中的 1 件案件</source>
        <translation>the selected case</translation>
    </message>
    <message>
        <source>导出的文件没有加密</source>
        <translation>The exported file is not encrypted</translation>
    </message>
    <message>
        <source>导出的文件没有加密，任何拿到它的人都能读取。</source>
        <translation>The exported file is not encrypted: anyone who gets it can read it.</translation>
    </message>
    <message>
        <source>文件中有当事人的姓名、单位、职务和案情，以及委员的评分、回避和认定结论等个人信息。请只复制到受保护的介质（如单位配发的加密U盘），不要通过网盘、邮件或聊天工具传送，用完及时删除。导出会记入审计记录。

导出：%1
保存到：%2</source>
        <translation>It holds personal data: the parties&apos; names, units, positions and the facts of the cases, and the members&apos; scores, recusals and the conclusions. Copy it only to a protected medium (such as an encrypted USB stick issued by your unit); do not send it through cloud drives, e-mail or chat, and delete it when done. The export is recorded in the audit trail.

Export: %1
Save to: %2</translation>
    </message>
    <message>
        <source>明白，导出</source>
        <translation>I understand, export</translation>
    </message>
    <message>
        <source>容错案件导出</source>
        <translation>rongcuo-cases-export</translation>
    </message>
    <message>
        <source>导出案件到</source>
        <translation>Export cases to</translation>
    </message>
    <message>
        <source>案件文件 (*.json)</source>
        <translation>Case files (*.json)</translation>
    </message>
    <message>
        <source>正在导出案件…</source>
        <translation>Exporting cases…</translation>
    </message>
    <message>
        <source>正在导出案件：%1 / %2 件</source>
        <translation>Exporting cases: %1 / %2</translation>
    </message>
    <message>
        <source>案件集合文件</source>
        <translation>collection file</translation>
    </message>
    <message>
        <source>案件文件</source>
        <translation>case file</translation>
    </message>
    <message>
        <source>已导出 %1 件案件（%2）到：
%3</source>
        <translation>%1 case(s) exported (%2) to:
%3</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>文件没有加密：请只保存在受保护的介质上，用完及时删除。这次导出已记入审计记录。</source>
        <translation>The file is not encrypted: keep it only on a protected medium and delete it when done. This export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>已导出 %1 件案件。</source>
        <translation>%1 case(s) exported.</translation>
    </message>
    <message>
        <source>导出已取消，没有留下任何文件。</source>
        <translation>Export cancelled; no file was left behind.</translation>
    </message>
    <message>
        <source>导出未完成</source>
        <translation>Export not done</translation>
    </message>
    <message>
        <source>选择要导入的案件文件</source>
        <translation>Choose the case file to import</translation>
    </message>
    <message>
        <source>案件文件 (*.json);;所有文件 (*)</source>
        <translation>Case files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>导入案件</source>
        <translation>Import cases</translation>
    </message>
    <message>
        <source>正在检查 %1（尚未写入任何数据）…</source>
        <translation>Checking %1 (nothing written yet)…</translation>
    </message>
    <message>
        <source>正在导入案件…</source>
        <translation>Importing cases…</translation>
    </message>
    <message>
        <source>正在导入案件：%1 / %2 件</source>
        <translation>Importing cases: %1 / %2</translation>
    </message>
    <message>
        <source>正在写入审计记录并保存…</source>
        <translation>Writing the audit trail and saving…</translation>
    </message>
    <message>
        <source>已导入 %1 件案件，已在列表中选中。</source>
        <translation>%1 case(s) imported and selected in the list.</translation>
    </message>
    <message>
        <source>跳过本库已有的文号（未覆盖）：%1</source>
        <translation>Skipped, already in this store (not overwritten): %1</translation>
    </message>
    <message>
        <source>评分按原记录保留并注明姓名：%1</source>
        <translation>Scores kept as recorded, attributed by name: %1</translation>
    </message>
    <message>
        <source>每件导入的案件都已记入审计记录。</source>
        <translation>Every imported case is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>已导入 %1 件案件。</source>
        <translation>%1 case(s) imported.</translation>
    </message>
    <message>
        <source>导入已取消，数据库没有任何改动。</source>
        <translation>Import cancelled; the database was not changed.</translation>
    </message>
    <message>
        <source>导入未完成</source>
        <translation>Import not done</translation>
    </message>
    <message>
        <source>等，共 %1 件</source>
        <translation> and others, %1 in all</translation>
    </message>
    <message>
        <source>等，共 %1 位</source>
        <translation> and others, %1 in all</translation>
    </message>
</context>
<context>
    <name>CaseType</name>
    <message>
        <source>容错免责</source>
        <translation>Error tolerance</translation>
    </message>
    <message>
        <source>澄清正名</source>
        <translation>Clearing a name</translation>
    </message>
    <message>
        <source>事前备案</source>
        <translation>Prior filing</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <source>撤销（Ctrl+Z）</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>重做（Ctrl+Shift+Z）</source>
        <translation>Redo (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>保存修改（Ctrl+S）；离开输入框时也会自动保存</source>
        <translation>Save changes (Ctrl+S); leaving a field also saves it</translation>
    </message>
    <message>
        <source>案件 %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>%1 · 当前阶段：%2</source>
        <translation>%1 · Current stage: %2</translation>
    </message>
    <message>
        <source>已恢复未保存的内容（%1 项），请检查后保存</source>
        <translation>Restored unsaved text (%1 fields): check it, then save</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>被反映的问题</source>
        <translation>The matter reported</translation>
    </message>
    <message>
        <source>拟采取的创新举措</source>
        <translation>The innovative measure planned</translation>
    </message>
    <message>
        <source>重复情形提示（第九条(九)）：</source>
        <translation>Possible repeat (Art. 9 (9)):</translation>
    </message>
    <message>
        <source>%1（尚缺条件）</source>
        <translation>%1 (not ready)</translation>
    </message>
    <message>
        <source>退回到</source>
        <translation>Move back to</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>草稿已保存 %1</source>
        <translation>Draft kept %1</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>推进阶段…</source>
        <translation>Move stage…</translation>
    </message>
    <message>
        <source>申请与受理</source>
        <translation>Application and acceptance</translation>
    </message>
    <message>
        <source>调查核实</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <source>研判清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>委员会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>听证会商</source>
        <translation>Hearing / consultation</translation>
    </message>
    <message>
        <source>认定与运用</source>
        <translation>Decision and usage</translation>
    </message>
    <message>
        <source>反馈与公开</source>
        <translation>Feedback and disclosure</translation>
    </message>
    <message>
        <source>备案与回访</source>
        <translation>Filing and follow-up</translation>
    </message>
    <message>
        <source>澄清正名</source>
        <translation>Clearing</translation>
    </message>
    <message>
        <source>关联与典型</source>
        <translation>Links and typical cases</translation>
    </message>
</context>
<context>
    <name>CaseWorkbench</name>
    <message>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>应办日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>记录回访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>请输入当前口令。</source>
        <translation>Please enter the current passphrase.</translation>
    </message>
    <message>
        <source>请输入新口令。</source>
        <translation>Please enter the new passphrase.</translation>
    </message>
    <message>
        <source>修改恢复口令</source>
        <translation>Change recovery passphrase</translation>
    </message>
    <message>
        <source>当前口令：</source>
        <translation>Current passphrase:</translation>
    </message>
    <message>
        <source>新口令：</source>
        <translation>New passphrase:</translation>
    </message>
    <message>
        <source>再次输入：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>口令强度：</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>正在备份并用新密钥重新加密数据库，请稍候……</source>
        <translation>Backing up, then re-encrypting the database with a new key. Please wait…</translation>
    </message>
    <message>
        <source>修改口令会先自动做一份备份，再用新的密钥把整个数据库重新加密：旧口令加上以前的备份，打不开现在的数据库。新口令同样需要牢记：遗失后无法恢复数据。</source>
        <translation>Changing the passphrase first makes a backup automatically, then re-encrypts the whole database with a new key: the old passphrase together with an earlier backup cannot open the current database. Keep the new passphrase just as safe: if it is lost, the data cannot be recovered.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>请输入现在的个人口令。</source>
        <translation>Please enter your current PIN.</translation>
    </message>
    <message>
        <source>修改个人口令</source>
        <translation>Change my PIN</translation>
    </message>
    <message>
        <source>修改您自己的个人口令（PIN）。修改记入审计记录。</source>
        <translation>Change your own personal PIN. The change is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>现在的个人口令：</source>
        <translation>Current PIN:</translation>
    </message>
    <message>
        <source>新的个人口令：</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>个人口令至少 6 位数字，不能全是同一个数字，也不能是连续的数字。</source>
        <translation>A PIN has at least 6 digits, not all the same digit and not a straight run (such as 123456).</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>研判清单 — %1</source>
        <translation>Checklist — %1</translation>
    </message>
    <message>
        <source>%1 的研判清单</source>
        <translation>Checklist of %1</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>核对结果</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>保存清单</source>
        <translation>Save checklist</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本案已记录认定结论，研判清单不再修改（只读）。</source>
        <translation>A conclusion is recorded for this case: the checklist no longer changes (read-only).</translation>
    </message>
    <message>
        <source>容错条件（须全部符合）</source>
        <translation>Conditions (all must be met)</translation>
    </message>
    <message>
        <source>容错情形（勾选申请适用的情形）</source>
        <translation>Situations (tick those claimed)</translation>
    </message>
    <message>
        <source>申请适用</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>不予容错情形（任一查实即不予容错）</source>
        <translation>Exclusions (any one confirmed: not tolerated)</translation>
    </message>
    <message>
        <source>已勾选情形 %1 项；条件符合 %2 项、不符合 %3 项、未查明 %4 项；不予容错情形已查实 %5 项。</source>
        <translation>%1 situations ticked; conditions: %2 met, %3 not met, %4 unknown; exclusions confirmed: %5.</translation>
    </message>
    <message>
        <source>数据库已锁定：请解锁后再保存。</source>
        <translation>The store is locked: unlock it, then save.</translation>
    </message>
    <message>
        <source>研判清单已保存（%1）。</source>
        <translation>Checklist saved (%1).</translation>
    </message>
    <message>
        <source>没有保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>研判清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>适用的规则库：</source>
        <translation>Rulebook applied:</translation>
    </message>
    <message>
        <source>逐项核对：申请的容错情形（勾选）、容错条件是否符合、不予容错情形是否查实。每项都注明出处，请对照原文。</source>
        <translation>Check item by item: the situations claimed (tick), whether each condition is met, whether any exclusion is confirmed. Each item names its source: compare with the original text.</translation>
    </message>
</context>
<context>
    <name>ClearanceFinding</name>
    <message>
        <source>反映失实</source>
        <translation>Report unfounded</translation>
    </message>
    <message>
        <source>部分属实但不构成追究纪律责任</source>
        <translation>Partly founded, no disciplinary liability</translation>
    </message>
    <message>
        <source>反映属实</source>
        <translation>Report founded</translation>
    </message>
</context>
<context>
    <name>ClearingMethod</name>
    <message>
        <source>书面澄清</source>
        <translation>Clearing letter</translation>
    </message>
    <message>
        <source>会议澄清</source>
        <translation>Clearing at a meeting</translation>
    </message>
    <message>
        <source>通报澄清</source>
        <translation>Clearing by circular</translation>
    </message>
</context>
<context>
    <name>ClosingBackup</name>
    <message>
        <source>关闭前备份</source>
        <translation>Backup before closing</translation>
    </message>
    <message>
        <source>正在写关闭前的自动备份（加密，写完后检查）……请稍候，不要关机。</source>
        <translation>Writing the automatic backup before closing (encrypted, checked once written)… Please wait and do not shut down.</translation>
    </message>
    <message>
        <source>跳过这次备份</source>
        <translation>Skip this backup</translation>
    </message>
    <message>
        <source>备份已写出，正在检查写出的文件……</source>
        <translation>Backup written; checking the written file…</translation>
    </message>
    <message>
        <source>正在停止备份，未完成的文件会被删除……</source>
        <translation>Stopping the backup; the unfinished file will be deleted…</translation>
    </message>
</context>
<context>
    <name>Conclusion</name>
    <message>
        <source>予以容错免责</source>
        <translation>Tolerated, liability exempted</translation>
    </message>
    <message>
        <source>从轻减轻处理</source>
        <translation>Lenient or reduced handling</translation>
    </message>
    <message>
        <source>不予容错</source>
        <translation>Not tolerated</translation>
    </message>
</context>
<context>
    <name>ConditionStatus</name>
    <message>
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>未查明</source>
        <translation>Not established</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>记录认定结论 — %1</source>
        <translation>Record the decision — %1</translation>
    </message>
    <message>
        <source>%1：记录会议研究认定的结论。软件的研判建议仅供参考，由会议认定。</source>
        <translation>%1: record the conclusion the meeting reached. The software&apos;s recommendation only supports; the meeting decides.</translation>
    </message>
    <message>
        <source>研判结果无法计算。</source>
        <translation>The result cannot be computed.</translation>
    </message>
    <message>
        <source>不作研判建议：</source>
        <translation>No recommendation: </translation>
    </message>
    <message>
        <source>研判建议：%1（加权总分 %2）</source>
        <translation>Recommendation: %1 (weighted total %2)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>记录认定结论</source>
        <translation>Record the decision</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>表决：请填写赞成、反对、弃权的票数</source>
        <translation>Vote: enter the votes for, against and abstaining</translation>
    </message>
    <message>
        <source>表决：合计 %1 票，多于未回避的委员 %2 人</source>
        <translation>Vote: %1 votes in all, more than the %2 members not recused</translation>
    </message>
    <message>
        <source>认定理由：更正已记录的结论，须写明更正的理由</source>
        <translation>Reason: correcting a recorded conclusion needs the reason for the correction</translation>
    </message>
    <message>
        <source>认定理由：研判没有给出建议，须写明认定理由</source>
        <translation>Reason: the engine gave no recommendation, so the reason must be written</translation>
    </message>
    <message>
        <source>认定理由：结论与研判建议不同，须写明理由</source>
        <translation>Reason: the conclusion departs from the recommendation, so the reason must be written</translation>
    </message>
    <message>
        <source>四种形态：从轻减轻处理须选择运用的形态</source>
        <translation>Four forms: a lighter handling needs the form used</translation>
    </message>
    <message>
        <source>处理措施：请写明采取的措施（如谈话提醒）</source>
        <translation>Measure: write the measure taken (e.g. a reminder talk)</translation>
    </message>
    <message>
        <source>认定理由（与研判建议不同或更正结论，必填）：</source>
        <translation>Reason (required: departs from the recommendation or corrects a conclusion):</translation>
    </message>
    <message>
        <source>认定说明（与研判建议一致，可不填）：</source>
        <translation>Note (optional: agrees with the recommendation):</translation>
    </message>
    <message>
        <source>提示：赞成票未超过投票人数的一半（表决规则：%1）。</source>
        <translation>Note: the votes for are not more than half of those who voted (voting rule: %1).</translation>
    </message>
    <message>
        <source>记录前还缺：</source>
        <translation>Still missing before recording: </translation>
    </message>
    <message>
        <source>可以记录。</source>
        <translation>Ready to record.</translation>
    </message>
    <message>
        <source>没有记录，还缺：</source>
        <translation>Not recorded; still missing: </translation>
    </message>
    <message>
        <source>数据库已锁定：请解锁后再记录。</source>
        <translation>The store is locked: unlock it, then record.</translation>
    </message>
    <message>
        <source>已记录认定结论：%1。</source>
        <translation>Decision recorded: %1.</translation>
    </message>
    <message>
        <source>没有记录：</source>
        <translation>Not recorded: </translation>
    </message>
    <message>
        <source>记录会议的认定结论</source>
        <translation>Record the meeting&apos;s decision</translation>
    </message>
    <message>
        <source>研判建议（软件依规则库计算，仅供参考）</source>
        <translation>Recommendation (computed from the rulebook, for reference only)</translation>
    </message>
    <message>
        <source>会议的认定</source>
        <translation>The meeting&apos;s decision</translation>
    </message>
    <message>
        <source>认定结论：</source>
        <translation>Conclusion:</translation>
    </message>
    <message>
        <source>认定日期：</source>
        <translation>Decided on:</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>表决：</source>
        <translation>Vote:</translation>
    </message>
    <message>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>弃权</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>从轻减轻处理：运用“四种形态”</source>
        <translation>Lighter handling: the “four forms” used</translation>
    </message>
    <message>
        <source>形态：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>处理措施：</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <source>认定说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>不同意见（如有，写明持不同意见的委员及其理由）：</source>
        <translation>Dissent (if any: who dissents and why):</translation>
    </message>
</context>
<context>
    <name>DemoCases</name>
    <message>
        <source>添加示例案件</source>
        <translation>Add demo cases</translation>
    </message>
    <message>
        <source>案件库是空的</source>
        <translation>The case register is empty</translation>
    </message>
    <message>
        <source>案件库里还没有案件。要添加几件示例案件（人名已按“谢某某”方式隐去）来熟悉程序吗？</source>
        <translation>There are no cases yet. Add a few demo cases (names masked as in “谢某某”) to get to know the program?</translation>
    </message>
    <message>
        <source>暂不添加</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>已添加 {n} 件示例案件。</source>
        <translation>Added {n} demo cases.</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>未选择案件</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>认定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>所称情形</source>
        <translation>Situation claimed</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>事实经过：</source>
        <translation>Facts:</translation>
    </message>
    <message>
        <source>尚未认定</source>
        <translation>Not decided yet</translation>
    </message>
</context>
<context>
    <name>DimensionPage</name>
    <message>
        <source>%1（第 %2 项，共 %3 项）</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>引导问题：</source>
        <translation>Guiding questions:</translation>
    </message>
    <message>
        <source>等级（按数字键 1–5 选择）</source>
        <translation>Level (keys 1–5)</translation>
    </message>
    <message>
        <source>%1 级</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>理由（评为 %1 级，必须写明理由）：</source>
        <translation>Reason (level %1: a reason is required):</translation>
    </message>
    <message>
        <source>理由（评为 1 级或 5 级时必填，其他等级可写可不写）：</source>
        <translation>Reason (required at levels 1 and 5, optional otherwise):</translation>
    </message>
</context>
<context>
    <name>DisclosureMethod</name>
    <message>
        <source>召开会议</source>
        <translation>At a meeting</translation>
    </message>
    <message>
        <source>书面通报</source>
        <translation>Written circular</translation>
    </message>
    <message>
        <source>谈心谈话</source>
        <translation>Heart-to-heart talk</translation>
    </message>
</context>
<context>
    <name>ExclusionStatus</name>
    <message>
        <source>已查实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>经核查不存在</source>
        <translation>Checked: not present</translation>
    </message>
    <message>
        <source>未核查</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>FeedbackTo</name>
    <message>
        <source>申请单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部领域</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>全部结论</source>
        <translation>All conclusions</translation>
    </message>
    <message>
        <source>未认定</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>有逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>只显示有逾期跟踪回访或逾期步骤的案件</source>
        <translation>Show only cases with an overdue follow-up visit or step</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>保存的筛选</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <source>保存现在的筛选…</source>
        <translation>Save the current filter…</translation>
    </message>
    <message>
        <source>删除这个保存的筛选</source>
        <translation>Delete this saved filter</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>（还没有保存的筛选）</source>
        <translation>(no saved filters yet)</translation>
    </message>
    <message>
        <source>删除保存的筛选“{name}”</source>
        <translation>Delete saved filter “{name}”</translation>
    </message>
</context>
<context>
    <name>FilterSaveDialog</name>
    <message>
        <source>请填写筛选名称。</source>
        <translation>Please enter a name for the filter.</translation>
    </message>
    <message>
        <source>保存筛选</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <source>把现在的搜索词和筛选条件保存下来，以后在“保存的筛选”中一选即用。只有您自己能看到。</source>
        <translation>Save the current search words and filters; choose them later under “Saved filters”. Only you can see them.</translation>
    </message>
    <message>
        <source>筛选名称：</source>
        <translation>Filter name:</translation>
    </message>
    <message>
        <source>例如：本年度待听证</source>
        <translation>e.g. Hearings due this year</translation>
    </message>
</context>
<context>
    <name>FourForms</name>
    <message>
        <source>第一种形态</source>
        <translation>First form</translation>
    </message>
    <message>
        <source>第二种形态</source>
        <translation>Second form</translation>
    </message>
    <message>
        <source>第三种形态</source>
        <translation>Third form</translation>
    </message>
    <message>
        <source>第四种形态</source>
        <translation>Fourth form</translation>
    </message>
</context>
<context>
    <name>HearingConsole</name>
    <message>
        <source>听证投屏（主持人）</source>
        <translation>Hearing projection (presenter)</translation>
    </message>
    <message>
        <source>投屏只显示公开的内容：当事人姓名隐去，揭晓前只显示提交份数，不显示任何评分、理由或其他案件。</source>
        <translation>The projector shows only what may be public: the person&apos;s name masked, before the reveal only the number of ballots, never a score, a reason or another case.</translation>
    </message>
    <message>
        <source>上一页（PageUp）</source>
        <translation>Previous (PageUp)</translation>
    </message>
    <message>
        <source>下一页（PageDown）</source>
        <translation>Next (PageDown)</translation>
    </message>
    <message>
        <source>开始投屏（F5）</source>
        <translation>Start (F5)</translation>
    </message>
    <message>
        <source>结束投屏（Esc）</source>
        <translation>End (Esc)</translation>
    </message>
    <message>
        <source>黑屏（B）</source>
        <translation>Black (B)</translation>
    </message>
    <message>
        <source>白屏（W）</source>
        <translation>White (W)</translation>
    </message>
    <message>
        <source>发言计时</source>
        <translation>Statement timer</translation>
    </message>
    <message>
        <source>开始计时</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>清零</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>投屏到：</source>
        <translation>Project on:</translation>
    </message>
    <message>
        <source>翻页器按键：→/PageDown 下一页，←/PageUp 上一页，B 黑屏，W 白屏，F5 开始，Esc 结束。</source>
        <translation>Clicker keys: →/PageDown next, ←/PageUp previous, B black, W white, F5 start, Esc end.</translation>
    </message>
    <message>
        <source>%1&#x3000;当事人：%2</source>
        <translation>%1  Person concerned: %2</translation>
    </message>
    <message>
        <source>已揭晓</source>
        <translation>revealed</translation>
    </message>
    <message>
        <source>未揭晓</source>
        <translation>not revealed</translation>
    </message>
    <message>
        <source>第 %1 轮评分：已提交 %2 份 / 应评 %3 人（%4）</source>
        <translation>Round %1: %2 of %3 ballots submitted (%4)</translation>
    </message>
    <message>
        <source>投屏中：%1，第 %2/%3 页</source>
        <translation>Projecting: %1, page %2/%3</translation>
    </message>
    <message>
        <source>未开始投屏（F5 开始）。当前：</source>
        <translation>Not projecting (F5 starts). Current: </translation>
    </message>
    <message>
        <source>&#x3000;〔黑屏〕</source>
        <translation>  [black]</translation>
    </message>
    <message>
        <source>&#x3000;〔白屏〕</source>
        <translation>  [white]</translation>
    </message>
    <message>
        <source>投屏窗口全屏显示在“%1”（%2×%3）。</source>
        <translation>The projection is full screen on “%1” (%2×%3).</translation>
    </message>
    <message>
        <source>只有一个屏幕：投屏内容以窗口显示。接上投影仪后自动全屏显示在投影仪上。</source>
        <translation>One screen only: the projection opens as a window. Plug in a projector and it goes full screen there.</translation>
    </message>
    <message>
        <source>（只有一个屏幕：以窗口显示）</source>
        <translation>(one screen: shown as a window)</translation>
    </message>
</context>
<context>
    <name>HearingKind</name>
    <message>
        <source>听证</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>会商研判</source>
        <translation>Multi-department consultation</translation>
    </message>
</context>
<context>
    <name>HearingSlides</name>
    <message>
        <source>第 %1 轮：已提交评分 %2 份，应评 %3 人</source>
        <translation>Round %1: %2 ballots submitted, %3 members to score</translation>
    </message>
    <message>
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>申请的容错情形</source>
        <translation>Situation claimed</translation>
    </message>
    <message>
        <source>适用的规则库</source>
        <translation>Rulebook applied</translation>
    </message>
    <message>
        <source>（未登记事实）</source>
        <translation>(no facts registered)</translation>
    </message>
    <message>
        <source>依据%1，括号内为条款。</source>
        <translation>Under %1; articles in brackets.</translation>
    </message>
    <message>
        <source>申请适用的容错情形</source>
        <translation>Situations claimed</translation>
    </message>
    <message>
        <source>容错条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>不予容错情形</source>
        <translation>Exclusions</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>引导问题</source>
        <translation>Guiding questions</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>%1 级：%2</source>
        <translation>Level %1: %2</translation>
    </message>
    <message>
        <source>揭晓前只显示提交的份数，不显示是谁提交、评了几级。</source>
        <translation>Before the reveal only the number of ballots is shown, not who submitted or which levels.</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>需会商</source>
        <translation>Needs consultation</translation>
    </message>
    <message>
        <source>加权总分 %1（满分 5）</source>
        <translation>Weighted total %1 (of 5)</translation>
    </message>
    <message>
        <source>虚线：每份评分（不具名）；粗线：中位数</source>
        <translation>Dashed: each ballot (unnamed); bold: median</translation>
    </message>
    <message>
        <source>研判建议</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>不作研判建议：</source>
        <translation>No recommendation: </translation>
    </message>
    <message>
        <source>硬性规则</source>
        <translation>Hard rules</translation>
    </message>
    <message>
        <source>未触发任何硬性规则。</source>
        <translation>No hard rule fired.</translation>
    </message>
    <message>
        <source>权重、阈值和法定人数为委员会设定的本地默认值，来源文件未作规定。</source>
        <translation>Weights, thresholds and the quorum are the committee&apos;s local defaults; the sources do not give them.</translation>
    </message>
    <message>
        <source>研判建议仅供会议研究参考，由会议认定。</source>
        <translation>The recommendation only supports the meeting, which decides.</translation>
    </message>
    <message>
        <source>会议尚未作出认定。</source>
        <translation>The meeting has not decided yet.</translation>
    </message>
    <message>
        <source>会议认定</source>
        <translation>Decision of the meeting</translation>
    </message>
    <message>
        <source>认定日期：%1</source>
        <translation>Decided on: %1</translation>
    </message>
    <message>
        <source>表决：赞成 %1 票，反对 %2 票，弃权 %3 票</source>
        <translation>Vote: %1 for, %2 against, %3 abstaining</translation>
    </message>
    <message>
        <source>处理方式：</source>
        <translation>Handling: </translation>
    </message>
    <message>
        <source>本案未指定规则库。</source>
        <translation>No rulebook is set for this case.</translation>
    </message>
    <message>
        <source>评分尚未揭晓。由主任揭晓后显示雷达图和结果。</source>
        <translation>The scores are not revealed yet. The chart and the results appear once the chair reveals them.</translation>
    </message>
    <message>
        <source>第 %1 轮</source>
        <translation>Round %1</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>本机生成</source>
        <translation>Generated here</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>当前签名身份：%1（%2），有效至 %3。根证书 SHA-256 指纹：%4</source>
        <translation>Signing identity: %1 (%2), valid until %3. Root certificate SHA-256 fingerprint: %4</translation>
    </message>
    <message>
        <source>不能用于签名：%1</source>
        <translation>Cannot be used for signing: %1</translation>
    </message>
</context>
<context>
    <name>IdentityFlows</name>
    <message>
        <source>签名身份已保存：%1，有效至 %2。</source>
        <translation>Signing identity saved: %1, valid until %2.</translation>
    </message>
    <message>
        <source>签名身份</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <source>根证书 SHA-256 指纹：%1
请用“报告 → 导出根证书…”把根证书交给接收备案的机关。</source>
        <translation>Root certificate SHA-256 fingerprint: %1
Use “Reports → Export root certificate…” to give the root certificate to the authority receiving the filing.</translation>
    </message>
    <message>
        <source>本库还没有签名身份：请先“生成签名身份…”或“导入 PKCS#12…”。</source>
        <translation>This database has no signing identity yet: first use “Generate signing identity…” or “Import PKCS#12…”.</translation>
    </message>
    <message>
        <source>导出根证书</source>
        <translation>Export root certificate</translation>
    </message>
    <message>
        <source>根证书-%1</source>
        <translation>root-certificate-%1</translation>
    </message>
    <message>
        <source>导出根证书到</source>
        <translation>Export the root certificate to</translation>
    </message>
    <message>
        <source>证书 (*.pem)</source>
        <translation>Certificates (*.pem)</translation>
    </message>
</context>
<context>
    <name>IdentityGenerateDialog</name>
    <message>
        <source>生成新的签名身份后，以后的文件用新证书签名；已导出的文件仍可用原来的根证书验证。请把新的根证书和指纹交给接收备案的机关。</source>
        <translation>After a new signing identity is generated, later documents are signed with the new certificate; documents already exported still verify against the old root certificate. Give the new root certificate and its fingerprint to the authority receiving the filing.</translation>
    </message>
    <message>
        <source>本库还没有签名身份。导出封存的文件之前，须先生成或导入一个。</source>
        <translation>This database has no signing identity yet. Generate or import one before exporting sealed documents.</translation>
    </message>
    <message>
        <source>在本机离线生成一个根证书和一个签名证书（ECDSA P-256）。私钥只保存在加密的案件库中，不另存为文件；根证书的私钥用后即弃，任何人（包括本机）都不能再用它签发证书。有效期应覆盖文件的保管期限（文书档案保管期限：永久、30 年、10 年）：证书到期后，文件上的签名就不能再验证。这是证明文件出处和完整性的签名，不是 GB/T 38540 电子印章。</source>
        <translation>Generates a root certificate and a signing certificate (ECDSA P-256) here, offline. The private key is kept only in the encrypted database, never as a separate file; the root key is discarded after use, so nobody (this PC included) can issue certificates with it again. The validity should cover the documents’ retention period (permanent, 30 years, 10 years): once the certificate expires, the signatures on the documents no longer verify. This signature proves a document’s origin and integrity; it is not a GB/T 38540 electronic seal.</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>委员会名称：请填写（证书中的单位名称和文件的发文机关取自它）。</source>
        <translation>Committee name: please fill it in (the certificate’s organisation and the documents’ issuing body come from it).</translation>
    </message>
    <message>
        <source>生成签名身份</source>
        <translation>Generate signing identity</translation>
    </message>
    <message>
        <source>委员会名称：</source>
        <translation>Committee name:</translation>
    </message>
    <message>
        <source>如：某区容错免责委员会（写入证书和文件的发文机关）</source>
        <translation>e.g. District Error Tolerance Committee (written into the certificate and as the issuing body)</translation>
    </message>
    <message>
        <source>主送机关：</source>
        <translation>Addressed to:</translation>
    </message>
    <message>
        <source>备案报告的主送机关，如：中共某区纪委监委</source>
        <translation>The body the filing report is addressed to, e.g. the district discipline inspection commission</translation>
    </message>
    <message>
        <source>有效期：</source>
        <translation>Valid for:</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
</context>
<context>
    <name>IdentityImportDialog</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择 PKCS#12 文件</source>
        <translation>Choose a PKCS#12 file</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;所有文件 (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <source>PKCS#12 文件：请选择本单位 CA 签发的 .p12 或 .pfx 文件。</source>
        <translation>PKCS#12 file: choose the .p12 or .pfx file issued by your organisation’s CA.</translation>
    </message>
    <message>
        <source>导入 PKCS#12</source>
        <translation>Import PKCS#12</translation>
    </message>
    <message>
        <source>导入本单位 CA 签发的 PKCS#12 文件（.p12 或 .pfx，含私钥、签名证书和直到根证书的证书链）。私钥只保存在加密的案件库中，不另存为文件。</source>
        <translation>Imports a PKCS#12 file issued by your organisation’s CA (.p12 or .pfx, with the private key, the signing certificate and the chain up to the root). The private key is kept only in the encrypted database, never as a separate file.</translation>
    </message>
    <message>
        <source>PKCS#12 文件：</source>
        <translation>PKCS#12 file:</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>文件密码：</source>
        <translation>File password:</translation>
    </message>
    <message>
        <source>签发单位告知的密码（没有则留空）</source>
        <translation>The password given by the issuer (leave empty if none)</translation>
    </message>
    <message>
        <source>主送机关：</source>
        <translation>Addressed to:</translation>
    </message>
    <message>
        <source>备案报告的主送机关，如：中共某区纪委监委</source>
        <translation>The body the filing report is addressed to, e.g. the district discipline inspection commission</translation>
    </message>
</context>
<context>
    <name>IdentityRootDialog</name>
    <message>
        <source>已导出根证书：%1</source>
        <translation>Root certificate exported: %1</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>根证书与指纹</source>
        <translation>Root certificate and fingerprint</translation>
    </message>
    <message>
        <source>根证书的 SHA-256 指纹：</source>
        <translation>SHA-256 fingerprint of the root certificate:</translation>
    </message>
    <message>
        <source>请另行（电话或纸面，不要随文件一起）把这个指纹告知接收备案的机关。对方在“验证文件…”中选择根证书后会看到它的指纹，两者一致才说明根证书确是本委员会的。</source>
        <translation>Tell this fingerprint to the authority receiving the filing by a separate channel (phone or paper, not with the files). When they choose the root certificate in “Verify file…” they see its fingerprint; only if the two match is the certificate really this committee’s.</translation>
    </message>
    <message>
        <source>复制指纹</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>文件格式</source>
        <translation>format</translation>
    </message>
    <message>
        <source>格式版本</source>
        <translation>format version</translation>
    </message>
    <message>
        <source>导出时间</source>
        <translation>export time</translation>
    </message>
    <message>
        <source>案件信息</source>
        <translation>case details</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>ref. no.</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>applied on</translation>
    </message>
    <message>
        <source>案件类型</source>
        <translation>case type</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>applicant</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>stage</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>party</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>position</translation>
    </message>
    <message>
        <source>领域</source>
        <translation>field</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>accountability matter</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>facts</translation>
    </message>
    <message>
        <source>主张的情形</source>
        <translation>claimed situation</translation>
    </message>
    <message>
        <source>认定结论</source>
        <translation>conclusion</translation>
    </message>
    <message>
        <source>认定日期</source>
        <translation>decided on</translation>
    </message>
    <message>
        <source>规则库</source>
        <translation>rulebook</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>id</translation>
    </message>
    <message>
        <source>研判清单</source>
        <translation>checklist</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>situations</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>conditions</translation>
    </message>
    <message>
        <source>不予容错情形</source>
        <translation>exclusions</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>role</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>recused</translation>
    </message>
    <message>
        <source>回避理由</source>
        <translation>recusal reason</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>scores</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>level</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>rationale</translation>
    </message>
    <message>
        <source>认定记录</source>
        <translation>decision record</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>recorded by</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>recorded at</translation>
    </message>
    <message>
        <source>认定说明</source>
        <translation>decision note</translation>
    </message>
    <message>
        <source>动机态度</source>
        <translation>motive and attitude</translation>
    </message>
    <message>
        <source>程序方法</source>
        <translation>procedure and method</translation>
    </message>
    <message>
        <source>性质程度</source>
        <translation>nature and degree</translation>
    </message>
    <message>
        <source>后果影响</source>
        <translation>consequences and impact</translation>
    </message>
    <message>
        <source>客观条件</source>
        <translation>objective conditions</translation>
    </message>
    <message>
        <source>第 %1 件案件</source>
        <translation>case %1</translation>
    </message>
    <message>
        <source>第 %1 位委员</source>
        <translation>member %1</translation>
    </message>
    <message>
        <source>第 %1 项情形</source>
        <translation>situation %1</translation>
    </message>
    <message>
        <source>整个文件</source>
        <translation>whole file</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1 件案件（%2 等）</source>
        <translation>%1 cases (%2, …)</translation>
    </message>
    <message>
        <source>%1 件案件</source>
        <translation>%1 cases</translation>
    </message>
</context>
<context>
    <name>ImportIssuesDialog</name>
    <message>
        <source>文件 %1 有 1 处问题，没有导入：</source>
        <translation>The file %1 has a problem and was not imported:</translation>
    </message>
    <message>
        <source>文件 %1 有 %2 处问题，没有导入任何案件：</source>
        <translation>The file %1 has %2 problems; no case was imported:</translation>
    </message>
    <message>
        <source>复制问题清单</source>
        <translation>Copy the list</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>未能导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>数据库没有任何改动。请把这些问题告知提供文件的人，更正后再导入。</source>
        <translation>The database was not changed. Tell whoever provided the file about these problems and import it again once they are corrected.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>将导入 %1 件案件。导入前已检查全部内容，尚未写入任何数据。</source>
        <translation>%1 case(s) will be imported. Everything in the file has been checked; nothing has been written yet.</translation>
    </message>
    <message>
        <source>文件中的案件在本库中都已存在，没有可导入的案件。</source>
        <translation>Every case in the file is already in this store: there is nothing to import.</translation>
    </message>
    <message>
        <source>这 %1 件案件的文号在本库中已经存在。导入从不覆盖已有案件：它们将被跳过，只导入其余案件。</source>
        <translation>The ref. nos. of these %1 case(s) are already in this store. An import never overwrites a case: they will be skipped and only the others imported.</translation>
    </message>
    <message>
        <source>跳过已有案件，导入其余 %1 件</source>
        <translation>Skip existing, import the other %1</translation>
    </message>
    <message>
        <source>导入 %1 件案件</source>
        <translation>Import %1 case(s)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 位，其中 %2 位按姓名保留</source>
        <translation>%1, %2 kept by name</translation>
    </message>
    <message>
        <source>%1 位，均为本库委员</source>
        <translation>%1, all members here</translation>
    </message>
    <message>
        <source>有（记为导入的认定记录）</source>
        <translation>yes (recorded as an imported decision)</translation>
    </message>
    <message>
        <source>……另有 %1 件</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>本库没有这些委员的账户：%1。他们的评分和回避按文件中的原记录保留并注明姓名，照常计入研判，但本库中无人能修改。</source>
        <translation>This store has no accounts for these members: %1. Their scores and recusals are kept as recorded in the file, attributed by name; they count in the judgment, but nobody here can change them.</translation>
    </message>
    <message>
        <source>评分归属本库的委员账户，并把他们列入这些案件的委员名单：%1。</source>
        <translation>Scores are attributed to these members&apos; accounts here, and they are put on the committees of these cases: %1.</translation>
    </message>
    <message>
        <source>%1 件案件带有认定结论：按原样导入，记为导入的认定记录（注明记录人和时间），并记入审计记录。</source>
        <translation>%1 case(s) carry a conclusion: imported as they are, as imported decision records (naming who recorded them and when), and recorded in the audit trail.</translation>
    </message>
    <message>
        <source>导入案件</source>
        <translation>Import cases</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Ref. no.</translation>
    </message>
    <message>
        <source>委员评分</source>
        <translation>Members&apos; scores</translation>
    </message>
    <message>
        <source>认定结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>本库已有的文号（不会覆盖）</source>
        <translation>Already in this store (never overwritten)</translation>
    </message>
    <message>
        <source>请注意</source>
        <translation>Please note</translation>
    </message>
</context>
<context>
    <name>IntegrityCheck</name>
    <message>
        <source>检查数据库完整性</source>
        <translation>Check database integrity</translation>
    </message>
    <message>
        <source>数据库完好：两项完整性检查均已通过。</source>
        <translation>The database is intact: both integrity checks passed.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>JudgmentActions</name>
    <message>
        <source>研判与听证(&amp;J)</source>
        <translation>&amp;Judgment and hearing</translation>
    </message>
    <message>
        <source>评分…</source>
        <translation>Score…</translation>
    </message>
    <message>
        <source>委员在本机评分（输入个人口令）…</source>
        <translation>Member scores on this PC (with their PIN)…</translation>
    </message>
    <message>
        <source>录入纸质评分票…</source>
        <translation>Enter a paper ballot…</translation>
    </message>
    <message>
        <source>研判清单…</source>
        <translation>Checklist…</translation>
    </message>
    <message>
        <source>研判结果…</source>
        <translation>Judgment…</translation>
    </message>
    <message>
        <source>揭晓评分</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>会商后重新评分…</source>
        <translation>New round after consultation…</translation>
    </message>
    <message>
        <source>记录认定结论…</source>
        <translation>Record the decision…</translation>
    </message>
    <message>
        <source>听证投屏…</source>
        <translation>Hearing projection…</translation>
    </message>
    <message>
        <source>研判与听证</source>
        <translation>Judgment and hearing</translation>
    </message>
    <message>
        <source>请先在列表中选择一个案件。</source>
        <translation>Select a case in the list first.</translation>
    </message>
    <message>
        <source>第 %1 轮评分已经揭晓，评分不再修改。</source>
        <translation>Round %1 is revealed: its scores no longer change.</translation>
    </message>
    <message>
        <source>您已申请回避，不能对本案评分，也不能查看本案的评分。</source>
        <translation>You have recused yourself: you cannot score this case or see its scores.</translation>
    </message>
    <message>
        <source>本案还没有可以评分的委员：请先指定本案的委员。</source>
        <translation>No member may score this case yet: assign the case&apos;s members first.</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>揭晓 %1 本轮的评分？</source>
        <translation>Reveal this round&apos;s scores of %1?</translation>
    </message>
    <message>
        <source>揭晓</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>揭晓后，本案的委员都能看到每个人的评分，本轮评分不再修改；投屏显示雷达图和结果。</source>
        <translation>Once revealed, every member of the case sees everyone&apos;s scores and this round&apos;s ballots no longer change; the projector shows the chart and the results.</translation>
    </message>
    <message>
        <source>第 %1 轮评分已揭晓。</source>
        <translation>Round %1 revealed.</translation>
    </message>
    <message>
        <source>会商后重新评分</source>
        <translation>New round after consultation</translation>
    </message>
    <message>
        <source>写明重新评分的理由（会商中澄清的事实或分歧）。本轮已揭晓的评分保留在记录中：</source>
        <translation>Write why the members score again (what the consultation clarified). The revealed ballots stay on the record:</translation>
    </message>
    <message>
        <source>开始新一轮评分</source>
        <translation>Start a new round</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已开始第 %1 轮评分。</source>
        <translation>Round %1 started.</translation>
    </message>
</context>
<context>
    <name>JudgmentPanel</name>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>最低—最高</source>
        <translation>Lowest–highest</translation>
    </message>
    <message>
        <source>极差</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>会商</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>虚线：每位委员的评分；粗实线：中位数</source>
        <translation>Dashed: each member&apos;s ballot; bold: the median</translation>
    </message>
    <message>
        <source>雷达图：虚线为每位委员的评分（不标姓名），粗实线为各维度中位数。</source>
        <translation>Radar chart: dashed lines are the members&apos; ballots (unnamed), the bold line the medians.</translation>
    </message>
    <message>
        <source>已记录认定结论，全部评分公开。</source>
        <translation>A decision is recorded: every score is open.</translation>
    </message>
    <message>
        <source>第 %1 轮评分已揭晓。</source>
        <translation>Round %1 revealed.</translation>
    </message>
    <message>
        <source>第 %1 轮评分未揭晓：以下结果只有主任可见，投屏只显示提交份数。</source>
        <translation>Round %1 not revealed: this result is for the chair&apos;s eyes only; the projector shows only the count.</translation>
    </message>
    <message>
        <source>第 %1 轮评分未揭晓：揭晓前只显示提交份数和清单中的硬性规则。</source>
        <translation>Round %1 not revealed: until the reveal only the count and the checklist&apos;s hard rules are shown.</translation>
    </message>
    <message>
        <source>（第 %1 轮的评分保留在记录中）</source>
        <translation> (round %1&apos;s ballots are kept on the record)</translation>
    </message>
    <message>
        <source>已提交 %1 份 / 应评 %2 人</source>
        <translation>%1 of %2 ballots submitted</translation>
    </message>
    <message>
        <source>研判建议：</source>
        <translation>Recommendation: </translation>
    </message>
    <message>
        <source>不作研判建议：</source>
        <translation>No recommendation: </translation>
    </message>
    <message>
        <source>予以容错免责须不低于 %1%2，从轻减轻处理须不低于 %3%4</source>
        <translation>exempt needs at least %1%2, lighter handling at least %3%4</translation>
    </message>
    <message>
        <source>加权总分 %1（满分 5；权重%2）；%3。</source>
        <translation>Weighted total %1 (of 5; weights %2); %3.</translation>
    </message>
    <message>
        <source>依规则库</source>
        <translation>from the rulebook</translation>
    </message>
    <message>
        <source>需会商</source>
        <translation>Needs consultation</translation>
    </message>
    <message>
        <source>已达到</source>
        <translation>met</translation>
    </message>
    <message>
        <source>未达到</source>
        <translation>not met</translation>
    </message>
    <message>
        <source>法定人数：计入评分 %1 人 / 须 %2 人%3，%4；回避 %5 人，未完成评分 %6 人。</source>
        <translation>Quorum: %1 counted of %2 required%3, %4; %5 recused, %6 incomplete.</translation>
    </message>
    <message>
        <source>触发的硬性规则：</source>
        <translation>Hard rules that fired:</translation>
    </message>
    <message>
        <source>硬性规则：未触发任何硬性规则。</source>
        <translation>Hard rules: none fired.</translation>
    </message>
    <message>
        <source>标注“本地默认”的数值（权重、阈值、法定人数等）不是来源文件规定的，是委员会自己的设置，可在规则库中修改。</source>
        <translation>Numbers marked “local default” (weights, thresholds, the quorum) are not given by the sources: they are the committee&apos;s own settings, changed in the rulebook.</translation>
    </message>
</context>
<context>
    <name>JudgmentWindow</name>
    <message>
        <source>研判结果 — %1</source>
        <translation>Judgment — %1</translation>
    </message>
    <message>
        <source>委员在本机评分…</source>
        <translation>Member scores on this PC…</translation>
    </message>
    <message>
        <source>录入纸质评分票…</source>
        <translation>Enter a paper ballot…</translation>
    </message>
    <message>
        <source>研判清单…</source>
        <translation>Checklist…</translation>
    </message>
    <message>
        <source>揭晓评分</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>会商后重新评分…</source>
        <translation>New round after consultation…</translation>
    </message>
    <message>
        <source>记录认定结论…</source>
        <translation>Record the decision…</translation>
    </message>
    <message>
        <source>听证投屏…</source>
        <translation>Hearing projection…</translation>
    </message>
</context>
<context>
    <name>KeyFileRecovery</name>
    <message>
        <source>无法打开案件库</source>
        <translation>Cannot open the case register</translation>
    </message>
    <message>
        <source>可以从一份备份中找回密钥文件：只放回密钥文件，数据库保持现状，备份之后的修改都在。需要做那份备份时的恢复口令；更换口令之后，请用更换之后做的备份。</source>
        <translation>The key file can be recovered from a backup: only the key file is put back, the database stays as it is, and everything changed since the backup is kept. You need the recovery passphrase the backup was made with; after a passphrase change, use a backup made after the change.</translation>
    </message>
    <message>
        <source>从备份找回密钥文件…</source>
        <translation>Recover the key file from a backup…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>选择备份文件（用来找回密钥文件）</source>
        <translation>Choose a backup file (to recover the key file)</translation>
    </message>
    <message>
        <source>备份文件 (*.rcbak)</source>
        <translation>Backup files (*.rcbak)</translation>
    </message>
    <message>
        <source>请输入做这个备份时的恢复口令（只找回密钥文件，数据库不动）：</source>
        <translation>Enter the recovery passphrase this backup was made with (only the key file is recovered; the database is not touched):</translation>
    </message>
    <message>
        <source>从备份找回密钥文件</source>
        <translation>Recover the key file from a backup</translation>
    </message>
    <message>
        <source>已从备份（备份时间 %1）找回密钥文件；数据库保持现状，没有改动。</source>
        <translation>The key file was recovered from the backup made at %1; the database was kept as it is, unchanged.</translation>
    </message>
    <message>
        <source>原来损坏的密钥文件保留在：%1</source>
        <translation> The damaged key file that was there is kept at: %1</translation>
    </message>
    <message>
        <source>已找回密钥文件</source>
        <translation>Key file recovered</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>自动锁定时间…</source>
        <translation>Auto-lock time…</translation>
    </message>
    <message>
        <source>自动锁定</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source>无操作多少分钟后自动锁定（0 表示不自动锁定；Ctrl+L 随时可锁定）：</source>
        <translation>Lock automatically after this many idle minutes (0 turns auto-lock off; Ctrl+L locks at any time):</translation>
    </message>
    <message>
        <source>窗口内容已隐藏。请输入恢复口令解锁（在系统凭据库保存了密钥的电脑上，也可输入%1的个人口令）。</source>
        <translation>The window content is hidden. Enter the recovery passphrase to unlock (on a computer whose credential store keeps the key, %1&apos;s personal PIN also works).</translation>
    </message>
    <message>
        <source>解锁失败。</source>
        <translation>Unlock failed.</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>立即隐藏窗口内容并关闭数据库，需再次输入口令</source>
        <translation>Hide the window content and close the database now; the passphrase is needed again</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>为保护案件资料，窗口内容已隐藏。请输入恢复口令解锁。</source>
        <translation>To protect the case files, the window content is hidden. Enter the recovery passphrase to unlock.</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>请输入口令。</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>显示详情窗格</source>
        <translation>Show details pane</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>容错免责委员会桌面工具 {version}
案件数据在本机加密保存，不联网。</source>
        <translation>Desktop tool for error-tolerance committees {version}
Case data are stored encrypted on this computer and never go online.</translation>
    </message>
    <message>
        <source>容错免责案件库</source>
        <translation>Error Tolerance Cases</translation>
    </message>
</context>
<context>
    <name>MemberRole</name>
    <message>
        <source>固定成员</source>
        <translation>Fixed member</translation>
    </message>
    <message>
        <source>非固定成员</source>
        <translation>Non-fixed member</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>人员(&amp;P)</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>报告(&amp;R)</source>
        <translation>&amp;Reports</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>个人口令：</source>
        <translation>Personal PIN:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>第一个账户必须是主任：由主任再为秘书和委员建立账户。</source>
        <translation>The first account must be the chair&apos;s; the chair then creates the accounts of secretaries and members.</translation>
    </message>
    <message>
        <source>请输入姓名。</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>个人口令至少 6 位数字，不能全是同一个数字，也不能是连续的数字。</source>
        <translation>A PIN has at least 6 digits, not all the same digit and not a straight run (such as 123456).</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>问责事项</source>
        <translation>Accountability matter</translation>
    </message>
    <message>
        <source>被反映的问题</source>
        <translation>The matter reported</translation>
    </message>
    <message>
        <source>拟采取的创新举措</source>
        <translation>The innovative measure planned</translation>
    </message>
    <message>
        <source>已恢复上次未登记的内容（%1 项）</source>
        <translation>Restored what was typed last time (%1 fields)</translation>
    </message>
    <message>
        <source>重复情形提示（第九条(九)）：</source>
        <translation>Possible repeat (Art. 9 (9)):</translation>
    </message>
    <message>
        <source>申请人类型：请选择当事人、所在单位或纪检监察机关。</source>
        <translation>Applicant: choose the person concerned, the unit or the discipline inspection organ.</translation>
    </message>
</context>
<context>
    <name>OutcomeSection</name>
    <message>
        <source>认定结论</source>
        <translation>conclusion</translation>
    </message>
    <message>
        <source>尚未认定。委员评分、会议认定由主任记录。</source>
        <translation>No decision yet. The members score; the chair records the meeting&apos;s decision.</translation>
    </message>
    <message>
        <source>认定日期</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>recorded by</translation>
    </message>
    <message>
        <source>（导入的认定记录）</source>
        <translation>(an imported decision record)</translation>
    </message>
    <message>
        <source>当时的研判建议</source>
        <translation>Recommendation at the time</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>已完成评分的委员</source>
        <translation>Members who completed their scores</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待回访</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>第 %1 次</source>
        <translation>Visit %1</translation>
    </message>
    <message>
        <source>回访计划：认定后第 %1 个月</source>
        <translation>Visit plan: months %1 after the decision</translation>
    </message>
    <message>
        <source>本案的结论不进行跟踪回访。</source>
        <translation>This case&apos;s conclusion has no follow-up.</translation>
    </message>
    <message>
        <source>认定后按规则库的回访计划列出各次回访。</source>
        <translation>Once decided, the visits of the rulebook&apos;s follow-up plan are listed here.</translation>
    </message>
    <message>
        <source>回访方式</source>
        <translation>Form of visit</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Findings of the visit</translation>
    </message>
    <message>
        <source>已于 %1 列为典型案例。</source>
        <translation>Marked as a typical case on %1.</translation>
    </message>
    <message>
        <source>已认定的案件可列为典型案例，供以后情形相同的案件参照（姓名须隐去）。</source>
        <translation>A decided case can be marked as a typical case, for later cases of the same situation (names masked).</translation>
    </message>
    <message>
        <source>认定后可列为典型案例。</source>
        <translation>Can be marked as a typical case once decided.</translation>
    </message>
    <message>
        <source>事前备案，作为证据</source>
        <translation>Prior registration, as evidence</translation>
    </message>
</context>
<context>
    <name>PackageExport</name>
    <message>
        <source>导出备案包到</source>
        <translation>Export the filing package to</translation>
    </message>
    <message>
        <source>备案包 (*.zip)</source>
        <translation>Filing packages (*.zip)</translation>
    </message>
    <message>
        <source>正在生成备案包：六份封存文件、案件文件、签名的清单…</source>
        <translation>Building the filing package: six sealed documents, the case file, the signed manifest…</translation>
    </message>
    <message>
        <source>导出备案包</source>
        <translation>Export filing package</translation>
    </message>
    <message>
        <source>已导出备案包：%1</source>
        <translation>Filing package exported: %1</translation>
    </message>
    <message>
        <source>备案包已导出</source>
        <translation>Filing package exported</translation>
    </message>
    <message>
        <source>内含 %1 份封存的文件（三份文件及其公开版）、案件文件、签名的清单和根证书。SHA-256：%2。这次导出已记入审计记录。</source>
        <translation>It holds %1 sealed documents (the three documents and their public versions), the case file, the signed manifest and the root certificate. SHA-256: %2. This export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>备案包没有导出</source>
        <translation>The filing package was not exported</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…（不会留下不完整的备案包）</source>
        <translation>Cancelling… (no incomplete filing package is left)</translation>
    </message>
    <message>
        <source>已取消：没有写出备案包，也没有记入审计记录。</source>
        <translation>Cancelled: no filing package was written and nothing was recorded in the audit trail.</translation>
    </message>
</context>
<context>
    <name>PassphraseActions</name>
    <message>
        <source>修改口令…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>每次启动都需要口令</source>
        <translation>Ask for the passphrase at every start</translation>
    </message>
    <message>
        <source>本机没有可用的系统凭据库，每次启动都需要口令。</source>
        <translation>This computer has no usable credential store, so the passphrase is needed at every start.</translation>
    </message>
    <message>
        <source>恢复口令已修改。</source>
        <translation>The recovery passphrase has been changed.</translation>
    </message>
    <message>
        <source>今后每次启动都需要输入口令。</source>
        <translation>From now on the passphrase is asked at every start.</translation>
    </message>
    <message>
        <source>今后启动时从系统凭据库读取密钥。</source>
        <translation>From now on the key is read from the credential store at start.</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not completed</translation>
    </message>
</context>
<context>
    <name>PassphraseDialogs</name>
    <message>
        <source>建议使用至少 12 个字符，可用一句好记的话。</source>
        <translation>Use at least 12 characters; a sentence you remember easily works well.</translation>
    </message>
    <message>
        <source>发生意外错误（{name}），详情已写入日志。</source>
        <translation>An unexpected error occurred ({name}); the details are in the log.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致，请重新输入。</source>
        <translation>The two passphrases differ. Please enter them again.</translation>
    </message>
    <message>
        <source>口令太弱：</source>
        <translation>The passphrase is too weak: </translation>
    </message>
</context>
<context>
    <name>PeopleActions</name>
    <message>
        <source>切换使用人…</source>
        <translation>Switch person…</translation>
    </message>
    <message>
        <source>账户管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <source>案件办理记录…</source>
        <translation>Case history…</translation>
    </message>
    <message>
        <source>完整核对审计记录</source>
        <translation>Verify the whole audit trail</translation>
    </message>
    <message>
        <source>现在的使用人：%1</source>
        <translation>Now using the program: %1</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>请先在列表中选择一个案件。</source>
        <translation>Please select a case in the list first.</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>人员与记录</source>
        <translation>People and records</translation>
    </message>
    <message>
        <source>修改个人口令…</source>
        <translation>Change my PIN…</translation>
    </message>
    <message>
        <source>您的个人口令已修改。</source>
        <translation>Your PIN has been changed.</translation>
    </message>
</context>
<context>
    <name>PeopleSection</name>
    <message>
        <source>本案尚未选定规则库：受理时选定后，这里列出其条件、情形和不予容错情形。</source>
        <translation>No rulebook chosen for this case yet: once chosen at acceptance, its conditions, situations and exclusions are listed here.</translation>
    </message>
    <message>
        <source>规则库：%1（%2）。每项注明出处；认定结论记录后清单不再修改。</source>
        <translation>Rulebook: %1 (%2). Each item with its source; the checklist is frozen once the decision is recorded.</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>出处</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>双击填写这一项的说明（如依据哪份材料）</source>
        <translation>Double-click to write a note on this item (e.g. which record shows it)</translation>
    </message>
    <message>
        <source>容错条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>容错情形</source>
        <translation>Situations</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>不予容错情形</source>
        <translation>Exclusions</translation>
    </message>
    <message>
        <source>已回避：%1</source>
        <translation>Recused: %1</translation>
    </message>
    <message>
        <source>规则库要求 %1 人</source>
        <translation>the rulebook requires %1</translation>
    </message>
    <message>
        <source>尚未选定规则库</source>
        <translation>no rulebook chosen yet</translation>
    </message>
    <message>
        <source>未回避的委员 %1 人；%2。</source>
        <translation>%1 members not recused; %2.</translation>
    </message>
    <message>
        <source>库中还没有委员：请主任在“人员 → 账户管理…”中添加委员的账户。</source>
        <translation> No members in the store yet: the chair adds members&apos; accounts under People → Accounts….</translation>
    </message>
    <message>
        <source>记录回避</source>
        <translation>Record recusal</translation>
    </message>
    <message>
        <source>%1 回避本案的理由（如与当事人的关系）：</source>
        <translation>Why %1 recuses from this case (e.g. the relation to the person concerned):</translation>
    </message>
    <message>
        <source>设为专家</source>
        <translation>Make expert</translation>
    </message>
    <message>
        <source>%1 的专业领域（多个用逗号分开，如：行政审批，城市更新）：</source>
        <translation>Fields of %1 (separated by commas, e.g. 行政审批, 城市更新):</translation>
    </message>
</context>
<context>
    <name>Pins</name>
    <message>
        <source>请输入新的个人口令。</source>
        <translation>Please enter the new PIN.</translation>
    </message>
    <message>
        <source>两次输入的个人口令不一致。</source>
        <translation>The two PINs differ.</translation>
    </message>
</context>
<context>
    <name>ProcedureChart</name>
    <message>
        <source>办理流程：点击一个步骤，查看该步骤的记录</source>
        <translation>The procedure: click a step to see its records</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>确认异常并恢复可写…</source>
        <translation>Acknowledge anomaly and allow changes…</translation>
    </message>
    <message>
        <source>只读：审计记录异常，待主任确认。确认前不能修改案件、添加附件、恢复备份或管理账户。</source>
        <translation>Read-only: audit trail anomaly, awaiting the chair&apos;s acknowledgement. Until then cases cannot be changed, attachments added, backups restored or accounts managed.</translation>
    </message>
    <message>
        <source>只读：审计记录异常，待主任确认。确认前不能修改案件、添加附件、恢复备份或管理账户；请主任登录后确认。</source>
        <translation>Read-only: audit trail anomaly, awaiting the chair&apos;s acknowledgement. Until then cases cannot be changed, attachments added, backups restored or accounts managed; the chair needs to log in and acknowledge it.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>调查核实记录</source>
        <translation>Investigation record</translation>
    </message>
    <message>
        <source>听证、会商记录</source>
        <translation>Hearing or consultation record</translation>
    </message>
    <message>
        <source>结果反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>事项公开</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>跟踪回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>书面通知</source>
        <translation>Written notice</translation>
    </message>
    <message>
        <source>当面反馈</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>谈话反馈</source>
        <translation>In a talk</translation>
    </message>
    <message>
        <source>谈心谈话</source>
        <translation>Heart-to-heart talk</translation>
    </message>
    <message>
        <source>实地走访</source>
        <translation>On-site visit</translation>
    </message>
    <message>
        <source>电话回访</source>
        <translation>By telephone</translation>
    </message>
    <message>
        <source>第 %1 次（应于 %2）</source>
        <translation>Visit %1 (due %2)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>导出备案报告…</source>
        <translation>Export filing report…</translation>
    </message>
    <message>
        <source>导出认定意见书…</source>
        <translation>Export decision opinion…</translation>
    </message>
    <message>
        <source>导出反馈通知书…</source>
        <translation>Export result notice…</translation>
    </message>
    <message>
        <source>导出备案包…</source>
        <translation>Export filing package…</translation>
    </message>
    <message>
        <source>批量导出选中案件…</source>
        <translation>Batch export selected cases…</translation>
    </message>
    <message>
        <source>为列表中选中的多件案件（按住 Ctrl 或 Shift 选择）导出封存的文件，有进度，可取消</source>
        <translation>Export sealed documents for several cases selected in the list (hold Ctrl or Shift), with progress and cancel</translation>
    </message>
    <message>
        <source>验证文件…</source>
        <translation>Verify file…</translation>
    </message>
    <message>
        <source>离线验证封存的 PDF 或备案包：签名完好、签名后未被改动、由信任的根证书签发</source>
        <translation>Verify a sealed PDF or filing package offline: signature intact, unchanged since signing, issued under a trusted root certificate</translation>
    </message>
    <message>
        <source>生成签名身份…</source>
        <translation>Generate signing identity…</translation>
    </message>
    <message>
        <source>导入 PKCS#12…</source>
        <translation>Import PKCS#12…</translation>
    </message>
    <message>
        <source>导出根证书…</source>
        <translation>Export root certificate…</translation>
    </message>
    <message>
        <source>导出委员会的根证书及其 SHA-256 指纹，交给接收备案的机关</source>
        <translation>Export the committee’s root certificate and its SHA-256 fingerprint for the authority receiving the filing</translation>
    </message>
    <message>
        <source>请先在案件列表中选择一件已认定的案件。</source>
        <translation>First select a decided case in the case list.</translation>
    </message>
    <message>
        <source>正在查看 %1 是否已认定…</source>
        <translation>Checking whether %1 is decided…</translation>
    </message>
    <message>
        <source>%1 尚未记录认定结论：会议认定后才能导出封存的文件。</source>
        <translation>%1 has no recorded decision yet: sealed documents can be exported once the meeting has decided.</translation>
    </message>
    <message>
        <source>导出封存的文件</source>
        <translation>Export sealed documents</translation>
    </message>
    <message>
        <source>批量导出</source>
        <translation>Batch export</translation>
    </message>
    <message>
        <source>请先在案件列表中选择要导出的案件（按住 Ctrl 或 Shift 可选择多件）。</source>
        <translation>First select the cases to export in the case list (hold Ctrl or Shift to select several).</translation>
    </message>
</context>
<context>
    <name>ReportBatchDialog</name>
    <message>
        <source>正式版</source>
        <translation>Official version</translation>
    </message>
    <message>
        <source>公开版（姓名隐去）</source>
        <translation>Public version (names masked)</translation>
    </message>
    <message>
        <source>正式版和公开版</source>
        <translation>Official and public versions</translation>
    </message>
    <message>
        <source>为列表中选中的 %1 件案件导出封存的文件（每份都带委员会的签名）。尚未认定的案件会跳过并列出；文件夹中已有同名文件时，新文件的名称后加 -2、-3，从不覆盖。</source>
        <translation>Exports sealed documents (each signed by the committee) for the %1 case(s) selected in the list. Cases not yet decided are skipped and listed; where the folder already has a file of the same name, the new one gets -2, -3 added: nothing is overwritten.</translation>
    </message>
    <message>
        <source>选择保存到的文件夹</source>
        <translation>Choose the folder to save to</translation>
    </message>
    <message>
        <source>请至少选择一种要导出的文件。</source>
        <translation>Choose at least one kind of document to export.</translation>
    </message>
    <message>
        <source>请先选择保存到的文件夹。</source>
        <translation>First choose the folder to save to.</translation>
    </message>
    <message>
        <source>文件夹不存在：%1</source>
        <translation>The folder does not exist: %1</translation>
    </message>
    <message>
        <source>正在导出：0 / %1 份…</source>
        <translation>Exporting: 0 / %1 files…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在导出：%1 / %2 份…</source>
        <translation>Exporting: %1 / %2 files…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已取消。取消前写完的 %1 份文件保留在 %2（每份都完整、已签名），其余没有导出，文件夹中没有不完整的文件。</source>
        <translation>Cancelled. The %1 file(s) written before cancelling stay in %2 (each complete and signed); the rest were not exported, and the folder holds no incomplete file.</translation>
    </message>
    <message>
        <source>导出中途停止：已写出 %1 份文件到 %2。</source>
        <translation>The export stopped part-way: %1 file(s) written to %2.</translation>
    </message>
    <message>
        <source>导出完成：%1 份文件已写到 %2。</source>
        <translation>Export finished: %1 file(s) written to %2.</translation>
    </message>
    <message>
        <source>批量导出：%1 份文件。</source>
        <translation>Batch export: %1 file(s).</translation>
    </message>
    <message>
        <source>停止的原因：%1</source>
        <translation>Why it stopped: %1</translation>
    </message>
    <message>
        <source>写出的文件（%1 份，文件夹 %2）：</source>
        <translation>Files written (%1, folder %2):</translation>
    </message>
    <message>
        <source>  ……另有 %1 份</source>
        <translation>  …and %1 more</translation>
    </message>
    <message>
        <source>跳过（%1 项）：</source>
        <translation>Skipped (%1):</translation>
    </message>
    <message>
        <source>  ……另有 %1 项</source>
        <translation>  …and %1 more</translation>
    </message>
    <message>
        <source>每份导出都已记入审计记录。</source>
        <translation>Every export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>没有导出任何文件：%1</source>
        <translation>Nothing was exported: %1</translation>
    </message>
    <message>
        <source>正在取消…（已封存而未写出的那一份不再写出，不会留下不完整的文件）</source>
        <translation>Cancelling… (a document sealed but not yet written is not written, so no incomplete file is left)</translation>
    </message>
    <message>
        <source>批量导出封存的文件</source>
        <translation>Batch export of sealed documents</translation>
    </message>
    <message>
        <source>每件案件导出</source>
        <translation>For each case export</translation>
    </message>
    <message>
        <source>备案报告</source>
        <translation>Filing report</translation>
    </message>
    <message>
        <source>认定意见书</source>
        <translation>Decision opinion</translation>
    </message>
    <message>
        <source>结果反馈通知书</source>
        <translation>Result notice</translation>
    </message>
    <message>
        <source>备案包（.zip）</source>
        <translation>Filing package (.zip)</translation>
    </message>
    <message>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>开始导出</source>
        <translation>Start export</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <source>备案报告</source>
        <translation>filing report</translation>
    </message>
    <message>
        <source>认定意见书</source>
        <translation>decision opinion</translation>
    </message>
    <message>
        <source>结果反馈通知书</source>
        <translation>result notice</translation>
    </message>
    <message>
        <source>案件：%1</source>
        <translation>Case: %1</translation>
    </message>
    <message>
        <source>导出%1 — %2</source>
        <translation>Export %1 — %2</translation>
    </message>
    <message>
        <source>案件库已锁定：解锁后再导出。</source>
        <translation>The database is locked: unlock it, then export.</translation>
    </message>
    <message>
        <source>正在生成并封存%1…</source>
        <translation>Generating and sealing the %1…</translation>
    </message>
    <message>
        <source>正在生成预览…</source>
        <translation>Rendering the preview…</translation>
    </message>
    <message>
        <source>第 %1 页，共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>— 第 %1 页，共 %2 页 —</source>
        <translation>— Page %1 of %2 —</translation>
    </message>
    <message>
        <source>共 %1 页，已签名封存（SHA-256 %2…）。预览的就是将要保存的文件：保存时写入的正是这份文件，导出记入审计记录。</source>
        <translation>%1 page(s), signed and sealed (SHA-256 %2…). The preview is the document that will be saved: saving writes exactly this file, and the export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>没有可保存的文件。</source>
        <translation>There is no document to save.</translation>
    </message>
    <message>
        <source>保存封存的文件</source>
        <translation>Save the sealed document</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>替换文件</source>
        <translation>Replace file</translation>
    </message>
    <message>
        <source>%1 已经存在。要替换它吗？</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>正在保存到 %1…</source>
        <translation>Saving to %1…</translation>
    </message>
    <message>
        <source>已保存：%1（%2 页，SHA-256 %3）。这次导出已记入审计记录。</source>
        <translation>Saved: %1 (%2 page(s), SHA-256 %3). This export is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>已导出 %1：%2</source>
        <translation>Exported %1: %2</translation>
    </message>
    <message>
        <source>没有保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>保存未完成</source>
        <translation>Saving did not finish</translation>
    </message>
    <message>
        <source>导出封存的文件</source>
        <translation>Export sealed document</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>公开版（姓名隐去）</source>
        <translation>Public version (names masked)</translation>
    </message>
    <message>
        <source>当事人和委员的姓名按“谢某某”方式隐去，用于事项公开</source>
        <translation>Names of the persons concerned and of the members are masked as in “谢某某”, for public disclosure</translation>
    </message>
    <message>
        <source>导出备案包…</source>
        <translation>Export filing package…</translation>
    </message>
    <message>
        <source>三份文件及其公开版、案件文件、签名的清单和根证书，打包为一个 .zip 报送备案</source>
        <translation>The three documents and their public versions, the case file, the signed manifest and the root certificate, in one .zip for filing</translation>
    </message>
    <message>
        <source>保存…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ResetPinDialog</name>
    <message>
        <source>为“%1”设置新的个人口令。请当面告知本人，并请其尽快自行修改。</source>
        <translation>Set a new personal PIN for “%1”. Tell them in person, and ask them to change it themselves soon.</translation>
    </message>
    <message>
        <source>重设个人口令</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>新的个人口令：</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>个人口令至少 6 位数字，不能全是同一个数字，也不能是连续的数字。</source>
        <translation>A PIN has at least 6 digits, not all the same digit and not a straight run (such as 123456).</translation>
    </message>
</context>
<context>
    <name>RestoreActions</name>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.rcbak)</source>
        <translation>Backup files (*.rcbak)</translation>
    </message>
    <message>
        <source>请输入做这个备份时的恢复口令。
恢复前会完整检查备份；当前数据库会先原样保留到备份文件夹。</source>
        <translation>Enter the recovery passphrase that was in use when this backup was made.
The backup is checked completely before the restore; the current database is first kept, as it is, in the backup folder.</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>检查数据库完整性</source>
        <translation>Check database integrity</translation>
    </message>
    <message>
        <source>数据库未通过完整性检查：%1

文件保持原样。请告知主任，由主任从备份恢复。</source>
        <translation>The database failed the integrity check: %1

The files are left as they are. Please tell the chair, who can restore from a backup.</translation>
    </message>
    <message>
        <source>已从备份恢复（备份时间 %1）。</source>
        <translation>Restored from the backup (made %1).</translation>
    </message>
    <message>
        <source>原来的数据库已原样保留在：%1</source>
        <translation>The previous database is kept, unchanged, in: %1</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>数据库文件未通过完整性检查，可能被改动或损坏。文件保持原样，没有被删除或重建。</source>
        <translation>The database file failed the integrity check: it may have been altered or damaged. The file is left as it is; nothing was deleted or rebuilt.</translation>
    </message>
    <message>
        <source>检查结果：%1</source>
        <translation>Check result: %1</translation>
    </message>
    <message>
        <source>最近一份完好的备份：%1（%2）</source>
        <translation>Newest good backup: %1 (%2)</translation>
    </message>
    <message>
        <source>恢复时，当前损坏的文件会先原样保存到备份文件夹中。</source>
        <translation>Before the restore, the current damaged file is kept, as it is, in the backup folder.</translation>
    </message>
    <message>
        <source>没有找到这个库的完好备份。请联系管理员，不要删除数据目录中的文件。</source>
        <translation>No good backup of this store was found. Please contact your administrator, and do not delete the files in the data folder.</translation>
    </message>
    <message>
        <source>从该备份恢复</source>
        <translation>Restore from this backup</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>暂不恢复</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>秘书</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>委员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>主任</source>
        <translation>Chair</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>第 %1 轮</source>
        <translation>Round %1</translation>
    </message>
    <message>
        <source>%1 · %2评分 · 规则库：%3</source>
        <translation>%1 · %2 scoring · rulebook: %3</translation>
    </message>
    <message>
        <source>五维评分 — %1</source>
        <translation>Five-dimension scoring — %1</translation>
    </message>
    <message>
        <source>提交纸质评分票</source>
        <translation>Submit the paper ballot</translation>
    </message>
    <message>
        <source>提交评分</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 本人评分。揭晓前，其他委员看不到您的评分，您也看不到他们的。</source>
        <translation>%1 scores in person. Until the reveal nobody else sees your levels, nor you theirs.</translation>
    </message>
    <message>
        <source>（请选择委员）</source>
        <translation>(choose the member)</translation>
    </message>
    <message>
        <source>%1（已回避，不能评分）</source>
        <translation>%1 (recused: cannot score)</translation>
    </message>
    <message>
        <source>委员在本机评分：请委员本人选择姓名、输入个人口令。口令只用于这一次提交，提交后程序仍由%1使用。</source>
        <translation>A member scores on this PC: the member picks their name and types their PIN. The PIN acts for this one submission; afterwards the program stays with %1.</translation>
    </message>
    <message>
        <source>如需修改已提交的评分，输入口令后点“核对口令并读取本人已评”。揭晓前可以修改。</source>
        <translation>To amend a submitted ballot, type the PIN and press “Check PIN and read my ballot”. Ballots can be amended until the reveal.</translation>
    </message>
    <message>
        <source>纸质评分票：由%1代没有电脑的委员录入。记录和审计记录中都注明为纸质评分票。</source>
        <translation>Paper ballot: %1 enters it for a member without a PC. The record and the audit trail mark it as a paper ballot.</translation>
    </message>
    <message>
        <source>请核对纸质评分票上的委员签名与所选委员一致。</source>
        <translation>Check that the signature on the paper ballot is the member chosen.</translation>
    </message>
    <message>
        <source>评分人：请选择委员</source>
        <translation>Scorer: choose the member</translation>
    </message>
    <message>
        <source>个人口令：请委员本人输入</source>
        <translation>PIN: the member types it</translation>
    </message>
    <message>
        <source>%1&#x3000;未评</source>
        <translation>%1  not scored</translation>
    </message>
    <message>
        <source>%1&#x3000;%2 级，缺理由</source>
        <translation>%1  level %2, reason missing</translation>
    </message>
    <message>
        <source>%1&#x3000;%2 级</source>
        <translation>%1  level %2</translation>
    </message>
    <message>
        <source>提交前还缺：</source>
        <translation>Still missing before submitting: </translation>
    </message>
    <message>
        <source>五个维度都已评定，可以提交。</source>
        <translation>All five dimensions are scored: ready to submit.</translation>
    </message>
    <message>
        <source>没有提交，还缺：</source>
        <translation>Not submitted; still missing: </translation>
    </message>
    <message>
        <source>数据库已锁定：请解锁后再提交。</source>
        <translation>The store is locked: unlock it, then submit.</translation>
    </message>
    <message>
        <source>已记录 %1 的评分（%2）。</source>
        <translation>%1&apos;s ballot recorded (%2).</translation>
    </message>
    <message>
        <source>没有提交：</source>
        <translation>Not submitted: </translation>
    </message>
    <message>
        <source>请先选择委员并输入个人口令。</source>
        <translation>Choose the member and type the PIN first.</translation>
    </message>
    <message>
        <source>口令正确；%1在本轮还没有评分。</source>
        <translation>PIN correct; %1 has no ballot in this round yet.</translation>
    </message>
    <message>
        <source>已读取%1本轮的评分，可以修改后重新提交。</source>
        <translation>%1&apos;s ballot of this round is read back: amend it and submit again.</translation>
    </message>
    <message>
        <source>五维评分</source>
        <translation>Five-dimension scoring</translation>
    </message>
    <message>
        <source>键盘操作：数字键 1–5 选择等级，Tab 转到理由、再到下一个维度，Shift+Tab 返回。</source>
        <translation>Keyboard: keys 1–5 choose the level, Tab goes to the reason and on to the next dimension, Shift+Tab goes back.</translation>
    </message>
    <message>
        <source>评分人</source>
        <translation>Scorer</translation>
    </message>
    <message>
        <source>委员：</source>
        <translation>Member:</translation>
    </message>
    <message>
        <source>个人口令：</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>核对口令并读取本人已评</source>
        <translation>Check PIN and read my ballot</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>把上面选中的委员设为非固定成员（专家），并写明其专业领域（多个用逗号分开）</source>
        <translation>Make the member chosen above a non-fixed member (an expert) and give their fields (separated by commas)</translation>
    </message>
    <message>
        <source>（尚未核查）</source>
        <translation>(not verified yet)</translation>
    </message>
    <message>
        <source>有 %1 件情形相同或领域相同的典型案例可供参照（见“关联与典型”）。</source>
        <translation>%1 typical cases of the same situation or field may be compared (see “Links and typical cases”).</translation>
    </message>
    <message>
        <source>不予受理（%1）：%2</source>
        <translation>Not accepted (%1): %2</translation>
    </message>
    <message>
        <source>受理日期：%1</source>
        <translation>Accepted on: %1</translation>
    </message>
    <message>
        <source>受理意见：%1</source>
        <translation>Acceptance note: %1</translation>
    </message>
    <message>
        <source>适用的规则库：%1（%2）</source>
        <translation>Rulebook: %1 (%2)</translation>
    </message>
    <message>
        <source>适用的规则库：%1</source>
        <translation>Rulebook: %1</translation>
    </message>
    <message>
        <source>尚未受理。受理时选定适用的规则库（之后不随规则库的新版本改变）。</source>
        <translation>Not accepted yet. The rulebook is chosen at acceptance (a later version of it does not change this case).</translation>
    </message>
    <message>
        <source>调查核实的情况</source>
        <translation>Facts verified</translation>
    </message>
    <message>
        <source>所在单位意见</source>
        <translation>The unit&apos;s opinion</translation>
    </message>
    <message>
        <source>当事人陈述申辩</source>
        <translation>The person&apos;s statement</translation>
    </message>
    <message>
        <source>关联附件</source>
        <translation>Linked attachments</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>未勾选。可在“研判清单”中勾选申请的容错情形。</source>
        <translation>None ticked. Tick the situations claimed on the checklist tab.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>创建案件库</source>
        <translation>Create case register</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>请输入恢复口令。</source>
        <translation>Please enter a recovery passphrase.</translation>
    </message>
    <message>
        <source>正在生成密钥，请稍候……</source>
        <translation>Generating the key, please wait…</translation>
    </message>
    <message>
        <source>首次使用：设置恢复口令</source>
        <translation>First use: set a recovery passphrase</translation>
    </message>
    <message>
        <source>设置恢复口令</source>
        <translation>Set a recovery passphrase</translation>
    </message>
    <message>
        <source>案件库在本机加密保存。恢复口令用于在凭据库不可用或更换电脑时解锁案件库。</source>
        <translation>The case register is stored encrypted on this computer. The recovery passphrase unlocks it when the credential store is unavailable or on a new computer.</translation>
    </message>
    <message>
        <source>请牢记并妥善保管此口令。口令一旦遗失，任何人（包括技术人员）都无法恢复案件数据。</source>
        <translation>Remember this passphrase and keep it safe. If it is lost, nobody (technical staff included) can recover the case data.</translation>
    </message>
    <message>
        <source>恢复口令：</source>
        <translation>Recovery passphrase:</translation>
    </message>
    <message>
        <source>再次输入：</source>
        <translation>Enter it again:</translation>
    </message>
    <message>
        <source>口令强度：</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>建议使用至少 12 个字符，可用一句好记的话。</source>
        <translation>Use at least 12 characters; a sentence you remember easily works well.</translation>
    </message>
    <message>
        <source>每次启动都需要口令</source>
        <translation>Ask for the passphrase at every start</translation>
    </message>
    <message>
        <source>数据库密钥还会保存在本机的系统凭据库中，平时启动无需输入口令；勾选下面的“每次启动都需要口令”，则每次启动都要输入。</source>
        <translation>The database key is also kept in this computer&apos;s credential store, so no passphrase is needed at a normal start; tick “Ask for the passphrase at every start” below to be asked every time.</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>调查核实</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <source>听证会商</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>结论认定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>结果反馈</source>
        <translation>Result notified</translation>
    </message>
    <message>
        <source>事项公开</source>
        <translation>Disclosure</translation>
    </message>
    <message>
        <source>报告备案</source>
        <translation>Report filed</translation>
    </message>
    <message>
        <source>跟踪回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>结案归档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>退回到“%1”</source>
        <translation>Move back to “%1”</translation>
    </message>
    <message>
        <source>进入“%1”</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <source>把案件退回到“%1”。退回须写明理由，记入办理记录。</source>
        <translation>Move the case back to “%1”. A reason is required; it goes into the case history.</translation>
    </message>
    <message>
        <source>不予受理：案件就此结束。须写明理由。</source>
        <translation>Not accepted: the case ends here. A reason is required.</translation>
    </message>
    <message>
        <source>进入“%1”。日期是这一步实际办理的日期。</source>
        <translation>Move to “%1”. The date is the day the step was actually taken.</translation>
    </message>
    <message>
        <source>还不能进入这一步：</source>
        <translation>This step cannot be taken yet:</translation>
    </message>
    <message>
        <source>先完成上面列出的事项</source>
        <translation>Complete the items listed above first</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>无法打开案件库</source>
        <translation>Cannot open the case register</translation>
    </message>
    <message>
        <source>案件库文件保持原样，未做任何改动。可以用恢复口令解锁。</source>
        <translation>The case register files are left as they are, unchanged. You can unlock with the recovery passphrase.</translation>
    </message>
    <message>
        <source>用恢复口令解锁</source>
        <translation>Unlock with recovery passphrase</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>发生意外错误（{name}），详情已写入日志。</source>
        <translation>An unexpected error occurred ({name}); the details are in the log.</translation>
    </message>
    <message>
        <source>程序没有改动或删除任何文件。数据目录：{folder}</source>
        <translation>The program has not changed or deleted any file. Data folder: {folder}</translation>
    </message>
    <message>
        <source>环境变量 {name} 指定的口令文件不能用：{problem}。请在下面输入恢复口令。</source>
        <translation>The passphrase file named by {name} cannot be used: {problem}. Please enter the recovery passphrase below.</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>按阶段</source>
        <translation>By stage</translation>
    </message>
    <message>
        <source>按认定结论</source>
        <translation>By conclusion</translation>
    </message>
    <message>
        <source>按领域</source>
        <translation>By field</translation>
    </message>
    <message>
        <source>按申请年度</source>
        <translation>By year of application</translation>
    </message>
    <message>
        <source>按案件类型</source>
        <translation>By case type</translation>
    </message>
    <message>
        <source>各阶段平均用时</source>
        <translation>Average days per stage</translation>
    </message>
    <message>
        <source>尚未认定</source>
        <translation>Not decided yet</translation>
    </message>
    <message>
        <source>（未填领域）</source>
        <translation>(no field given)</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>申请至认定（全程）</source>
        <translation>Application to decision (whole way)</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>StatsActions</name>
    <message>
        <source>案件统计…</source>
        <translation>Case statistics…</translation>
    </message>
</context>
<context>
    <name>StatsTable</name>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>计入的案件数</source>
        <translation>Cases counted</translation>
    </message>
    <message>
        <source>平均天数</source>
        <translation>Average days</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>统计失败：%1</source>
        <translation>The statistics could not be counted: %1</translation>
    </message>
    <message>
        <source>全部案件，共 %1 件</source>
        <translation>all cases, %1 in all</translation>
    </message>
    <message>
        <source>本人参与（未回避）的案件，共 %1 件</source>
        <translation>the cases you sit on (not recused), %1 in all</translation>
    </message>
    <message>
        <source>统计范围：%1</source>
        <translation>Counted: %1</translation>
    </message>
    <message>
        <source>没有可统计的案件</source>
        <translation>No cases to count</translation>
    </message>
    <message>
        <source>各阶段平均用时（天）</source>
        <translation>Average days per stage</translation>
    </message>
    <message>
        <source>还没有可计算用时的阶段记录</source>
        <translation>No stage moves recorded yet to measure days from</translation>
    </message>
    <message>
        <source>%1（件）</source>
        <translation>%1 (cases)</translation>
    </message>
    <message>
        <source>容错案件统计.xlsx</source>
        <translation>case-statistics.xlsx</translation>
    </message>
    <message>
        <source>导出统计到</source>
        <translation>Export the statistics to</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>统计已导出到 %1</source>
        <translation>Statistics exported to %1</translation>
    </message>
    <message>
        <source>导出没有完成。</source>
        <translation>The export did not complete.</translation>
    </message>
    <message>
        <source>导出统计</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <source>案件统计</source>
        <translation>Case statistics</translation>
    </message>
    <message>
        <source>统计项(&amp;S)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;E)…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>只含汇总数字，不含当事人姓名、文号等个人信息。</source>
        <translation>Totals only: no names, document numbers or other personal data.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>反映 / 申请</source>
        <translation>Report / application</translation>
    </message>
    <message>
        <source>核查核实</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>核查结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>澄清正名</source>
        <translation>Clearing</translation>
    </message>
    <message>
        <source>备案申请</source>
        <translation>Registration request</translation>
    </message>
    <message>
        <source>登记备案</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>不予备案</source>
        <translation>Registration refused</translation>
    </message>
    <message>
        <source>备案存档</source>
        <translation>Kept on file</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>办理记录：</source>
        <translation>Case history: </translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Case history</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>审计事件第 %1 条</source>
        <translation>Audit event no. %1</translation>
    </message>
</context>
<context>
    <name>TransferProgress</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TypicalLibraryDialog</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>全部结论</source>
        <translation>All conclusions</translation>
    </message>
    <message>
        <source>全部情形</source>
        <translation>All situations</translation>
    </message>
    <message>
        <source>全部领域</source>
        <translation>All fields</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>请输入恢复口令。</source>
        <translation>Please enter the recovery passphrase.</translation>
    </message>
    <message>
        <source>正在验证口令，请稍候……</source>
        <translation>Checking the passphrase, please wait…</translation>
    </message>
    <message>
        <source>解锁案件库</source>
        <translation>Unlock the case register</translation>
    </message>
    <message>
        <source>请输入恢复口令</source>
        <translation>Enter the recovery passphrase</translation>
    </message>
    <message>
        <source>恢复口令：</source>
        <translation>Recovery passphrase:</translation>
    </message>
    <message>
        <source>（已输错 %1 次）</source>
        <translation> (%1 wrong attempts)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>选择要验证的文件和信任的根证书，再点“验证”。也可以把文件拖到这个窗口里。</source>
        <translation>Choose the file to verify and the trusted root certificate, then click “Verify”. You can also drop the file onto this window.</translation>
    </message>
    <message>
        <source>选择要验证的文件</source>
        <translation>Choose the file to verify</translation>
    </message>
    <message>
        <source>封存的文件或备案包 (*.pdf *.zip);;所有文件 (*)</source>
        <translation>Sealed documents or filing packages (*.pdf *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>选择信任的根证书</source>
        <translation>Choose the trusted root certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取根证书…</source>
        <translation>Reading the root certificate…</translation>
    </message>
    <message>
        <source>%1，有效至 %2。
SHA-256 指纹：%3
请与委员会另行（电话或纸面）告知的指纹逐字核对。</source>
        <translation>%1, valid until %2.
SHA-256 fingerprint: %3
Compare it character by character with the fingerprint the committee gave you separately (phone or paper).</translation>
    </message>
    <message>
        <source>请先选择要验证的文件（封存的 PDF 或备案包）。</source>
        <translation>First choose the file to verify (a sealed PDF or a filing package).</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>通过：%1 自签名以来未被改动，由受信任的根证书所认证的委员会签名。</source>
        <translation>Passed: %1 is unchanged since it was signed, by a committee certified under the trusted root certificate.</translation>
    </message>
    <message>
        <source>未通过：没有选择根证书，无法确认签名人。请选择委员会交来的根证书后再验证。</source>
        <translation>Failed: no root certificate chosen, so the signer cannot be confirmed. Choose the root certificate the committee gave you and verify again.</translation>
    </message>
    <message>
        <source>未通过：%1 没有通过这些检查：%2。它不能作为未经改动的原件使用。</source>
        <translation>Failed: %1 did not pass these checks: %2. It cannot be used as an unaltered original.</translation>
    </message>
    <message>
        <source>文件无法验证（%1）。</source>
        <translation>The file cannot be verified (%1).</translation>
    </message>
    <message>
        <source>无法验证：%1</source>
        <translation>Cannot verify: %1</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>信任的根证书 SHA-256 指纹：%1</source>
        <translation>Trusted root certificate SHA-256 fingerprint: %1</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>验证文件</source>
        <translation>Verify file</translation>
    </message>
    <message>
        <source>验证委员会封存的 PDF 文件或备案包（.zip）：签名是否完好，签名后是否被改动，是否由您信任的根证书签发。全程离线，不需要案件库。</source>
        <translation>Verifies a PDF document or filing package (.zip) sealed by a committee: whether the signature is intact, whether anything changed after signing, whether it was issued under the root certificate you trust. Entirely offline; no database needed.</translation>
    </message>
    <message>
        <source>要验证的文件：</source>
        <translation>File to verify:</translation>
    </message>
    <message>
        <source>封存的 PDF 文件或备案包（.zip）</source>
        <translation>A sealed PDF document or filing package (.zip)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>信任的根证书：</source>
        <translation>Trusted root certificate:</translation>
    </message>
    <message>
        <source>委员会交来的根证书（.pem）</source>
        <translation>The root certificate the committee gave you (.pem)</translation>
    </message>
    <message>
        <source>验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>复制结果</source>
        <translation>Copy result</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VerifyEntry</name>
    <message>
        <source>只验证收到的文件…</source>
        <translation>Only verify received files…</translation>
    </message>
    <message>
        <source>接收备案的机关：不建案件库，只用委员会的根证书验证收到的 PDF 或备案包</source>
        <translation>For the authority receiving a filing: no database, just verify a received PDF or filing package with the committee’s root certificate</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>全部待办</source>
        <translation>Everything due</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>30 天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <source>正在查找待办事项……</source>
        <translation>Looking for what is due…</translation>
    </message>
    <message>
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>%1 天后</source>
        <translation>in %1 days</translation>
    </message>
    <message>
        <source>共 %1 项待办，其中已逾期 %2 项</source>
        <translation>%1 items due, %2 of them overdue</translation>
    </message>
    <message>
        <source>（列出最早的 %1 项）</source>
        <translation> (the earliest %1 listed)</translation>
    </message>
</context>
<context>
    <name>_PinDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
