<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Earmark</source>
        <translation>Earmark</translation>
    </message>
    <message>
        <source>Cannot open the library.

%1</source>
        <translation>无法打开媒体库。

%1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Evaluate Model Run…</source>
        <translation>评估模型运行(&amp;E)…</translation>
    </message>
    <message>
        <source>Score a model run&apos;s predictions against the confirmed annotations (AVVP, AVE and AVS benchmark metrics)</source>
        <translation>将模型运行的预测与已确认的标注进行比对评分（AVVP、AVE 和 AVS 基准指标）</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>Audio events</source>
        <translation>音频事件</translation>
    </message>
    <message>
        <source>Visual events</source>
        <translation>视觉事件</translation>
    </message>
    <message>
        <source>Audio-visual events</source>
        <translation>视听事件</translation>
    </message>
    <message>
        <source>Clip labels</source>
        <translation>片段标签</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>visual</source>
        <translation>视觉</translation>
    </message>
    <message>
        <source>audio-visual</source>
        <translation>视听</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisController</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 %2 mask</source>
        <translation>%1：%2 个掩码</translation>
    </message>
    <message>
        <source>%1 %2 masks</source>
        <translation>%1：%2 个掩码</translation>
    </message>
    <message>
        <source>%1 %2 event</source>
        <translation>%1：%2 个事件</translation>
    </message>
    <message>
        <source>%1 %2 events</source>
        <translation>%1：%2 个事件</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>完成，用时 %1 秒</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisPanel</name>
    <message>
        <source>Model Packs…</source>
        <translation>模型包…</translation>
    </message>
    <message>
        <source>Analyze Video</source>
        <translation>分析视频</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>用当前模型包分析已打开的视频</translation>
    </message>
    <message>
        <source>Analyze Videos…</source>
        <translation>分析多个视频…</translation>
    </message>
    <message>
        <source>Choose videos, a range, a pack and tasks</source>
        <translation>选择视频、范围、模型包和任务</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Pack: &lt;b&gt;%1&lt;/b&gt; %2 (%3) on %4</source>
        <translation>模型包：&lt;b&gt;%1&lt;/b&gt; %2（%3），运行于 %4</translation>
    </message>
    <message>
        <source>No model pack installed: add one with Model Packs…</source>
        <translation>未安装模型包：请通过“模型包…”添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>停止此分析</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1（使用 %2）</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisUi</name>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Analyze &amp;Open Video</source>
        <translation>分析已打开的视频(&amp;O)</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>用当前模型包分析已打开的视频</translation>
    </message>
    <message>
        <source>Analyze &amp;Videos…</source>
        <translation>分析多个视频(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Model Packs…</source>
        <translation>模型包(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Cancel All Analyses</source>
        <translation>取消所有分析(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Analysis of %1 failed: %2</source>
        <translation>%1 分析失败：%2</translation>
    </message>
    <message>
        <source>Analysis of %1: %2</source>
        <translation>%1 的分析：%2</translation>
    </message>
    <message>
        <source>New proposals for %1 are in the library</source>
        <translation>%1 的新建议已加入媒体库</translation>
    </message>
    <message>
        <source>Analyze &amp;New Videos</source>
        <translation>分析新视频(&amp;N)</translation>
    </message>
    <message>
        <source>Run the active model pack over every video added to the library, in the background</source>
        <translation>在后台用当前模型包分析添加到媒体库的每个视频</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Models on Accepted Annotations…</source>
        <translation>用已接受的标注微调模型(&amp;F)…</translation>
    </message>
    <message>
        <source>Retrain a model pack&apos;s heads on the annotations accepted in this library, as a new version of the pack</source>
        <translation>用此媒体库中已接受的标注重新训练模型包的头部，并保存为该包的新版本</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalyzeDialog</name>
    <message>
        <source>Analyze Videos</source>
        <translation>分析视频</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>所有视频</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>模型包：</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Videos:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>未安装任何模型包。</translation>
    </message>
    <message>
        <source>Check the videos to analyse.</source>
        <translation>请勾选要分析的视频。</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>请至少选择一个任务。</translation>
    </message>
    <message>
        <source>Write times like 90, 1:30 or 0:01:30.5.</source>
        <translation>时间请按 90、1:30 或 0:01:30.5 的格式填写。</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>范围的结束早于开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) will be analysed in the background.</source>
        <translation>
            <numerusform>将在后台分析 %n 个视频。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPanel</name>
    <message>
        <source>heard</source>
        <translation>听到的</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>看到的</translation>
    </message>
    <message>
        <source>heard and seen</source>
        <translation>听到且看到的</translation>
    </message>
    <message>
        <source>Clear the conversation about this video</source>
        <translation>清除关于此视频的对话</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Chat server, model and what is sent (Preferences › Chat)</source>
        <translation>聊天服务器、模型及发送内容（首选项 › 聊天）</translation>
    </message>
    <message>
        <source>Ask about the video… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>就视频提问…（回车发送，Shift+回车换行）</translation>
    </message>
    <message>
        <source>What the question is about: the frames and sound of this part are sent with it</source>
        <translation>问题针对的范围：该部分的画面和声音会随问题一起发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>About the whole video</source>
        <translation>关于整个视频</translation>
    </message>
    <message>
        <source>About the selection (%1)</source>
        <translation>关于所选部分（%1）</translation>
    </message>
    <message>
        <source>About the part in view (%1)</source>
        <translation>关于当前显示的部分（%1）</translation>
    </message>
    <message>
        <source>Clear the Conversation</source>
        <translation>清除对话</translation>
    </message>
    <message>
        <source>Remove all questions and answers about “%1” from the library?</source>
        <translation>要从媒体库中删除关于“%1”的所有问题和回答吗？</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>正在读取视频…</translation>
    </message>
    <message>
        <source>Waiting for %1 at %2…</source>
        <translation>正在等待 %2 上的 %1…</translation>
    </message>
    <message>
        <source>%1 is answering… (Esc stops)</source>
        <translation>%1 正在回答…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Chat about %1</source>
        <translation>关于 %1 的聊天</translation>
    </message>
    <message>
        <source>Chat: open a video to ask about it</source>
        <translation>聊天：打开视频即可提问</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>Send the question (Enter)</source>
        <translation>发送问题（回车）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>about the whole video</source>
        <translation>关于整个视频</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>(stopped before the answer began)</source>
        <translation>（在回答开始前已停止）</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>重新提问</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>聊天设置…</translation>
    </message>
    <message>
        <source>(the model gave no answer)</source>
        <translation>（模型未给出回答）</translation>
    </message>
    <message>
        <source>Open a video to ask about what is heard and seen in it.</source>
        <translation>打开视频后，即可询问其中听到和看到的内容。</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>正在加载对话…</translation>
    </message>
    <message>
        <source>Ask about this video: “When does the dog start barking?”, “What does the man say?”. The model gets its frames and its sound; times in the answer are links to those moments.</source>
        <translation>就此视频提问：“狗什么时候开始叫？”“那个男人说了什么？”模型会获得视频的画面和声音；回答中的时间是跳转到对应时刻的链接。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPreferencesPage</name>
    <message>
        <source>The server&apos;s base URL, as OpenAI clients take it. Questions go to &lt;endpoint&gt;/chat/completions.</source>
        <translation>服务器的基础 URL，格式与 OpenAI 客户端相同。问题将发送到 &lt;endpoint&gt;/chat/completions。</translation>
    </message>
    <message>
        <source>The name the server serves the model under</source>
        <translation>服务器提供该模型时使用的名称</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>The key is kept in your user settings, not in the library, and is never written to logs. $EARMARK_CHAT_API_KEY, when set, is used instead.</source>
        <translation>密钥保存在你的用户设置中，而不是媒体库中，并且绝不会写入日志。若设置了 $EARMARK_CHAT_API_KEY，则改用该值。</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Longer clips get this many frames spread evenly over them</source>
        <translation>较长的片段会均匀抽取这么多帧</translation>
    </message>
    <message>
        <source> pixels</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Frames are scaled down so that their longer side fits</source>
        <translation>帧会按比例缩小，使长边不超过此尺寸</translation>
    </message>
    <message>
        <source>Send &amp;frames</source>
        <translation>发送帧(&amp;F)</translation>
    </message>
    <message>
        <source>Send the &amp;sound (16 kHz mono)</source>
        <translation>发送声音（16 kHz 单声道）(&amp;S)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Longer videos are asked about a selection at a time</source>
        <translation>更长的视频需按所选部分逐段提问</translation>
    </message>
    <message>
        <source>What is sent with a question</source>
        <translation>随问题发送的内容</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最多：</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>帧尺寸：</translation>
    </message>
    <message>
        <source>Longest clip:</source>
        <translation>最长片段：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long</source>
        <translation>服务器在此时长内没有任何响应时放弃</translation>
    </message>
    <message>
        <source>the server&apos;s limit</source>
        <translation>服务器上限</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>最长回答：</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 查询可用模型…</translation>
    </message>
    <message>
        <source>Connected. The server serves %1.</source>
        <translation>已连接。服务器提供 %1。</translation>
    </message>
    <message>
        <source>Connected, but the server has no model named “%1”; it serves: %2.</source>
        <translation>已连接，但服务器上没有名为“%1”的模型；它提供：%2。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatSession</name>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>无法读取对话：%1</translation>
    </message>
    <message>
        <source>The question could not be saved: %1</source>
        <translation>无法保存问题：%1</translation>
    </message>
    <message>
        <source>The old answer could not be removed: %1</source>
        <translation>无法删除旧回答：%1</translation>
    </message>
    <message>
        <source>The question failed.</source>
        <translation>提问失败。</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>无法保存回答：%1</translation>
    </message>
    <message>
        <source>The conversation could not be cleared: %1</source>
        <translation>无法清除对话：%1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ClassPicker</name>
    <message>
        <source>Class (%1)</source>
        <translation>类别（%1）</translation>
    </message>
    <message>
        <source>Type to search classes</source>
        <translation>输入以搜索类别</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EditorSession</name>
    <message>
        <source>Open a video first.</source>
        <translation>请先打开视频。</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>There is no track to draw into.</source>
        <translation>没有可供绘制的轨道。</translation>
    </message>
    <message>
        <source>Select an event under the playhead to split it.</source>
        <translation>请选择播放头下的事件以进行拆分。</translation>
    </message>
    <message>
        <source>Split event</source>
        <translation>拆分事件</translation>
    </message>
    <message numerus="yes">
        <source>Split %n events</source>
        <translation>
            <numerusform>拆分 %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more events of one class to merge them.</source>
        <translation>请选择同一类别的两个或更多事件以进行合并。</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>请选择要更改类别的事件。</translation>
    </message>
    <message>
        <source>No class has the number %1 in this track.</source>
        <translation>此轨道中没有编号为 %1 的类别。</translation>
    </message>
    <message>
        <source>Select the events to change whether they are heard or seen.</source>
        <translation>请选择要更改“听到/看到”属性的事件。</translation>
    </message>
    <message>
        <source>Select the proposals to accept (N selects the next one).</source>
        <translation>请选择要接受的建议（按 N 选择下一个）。</translation>
    </message>
    <message>
        <source>Nothing to accept: the selection has no open proposals.</source>
        <translation>没有可接受的内容：所选项中没有待处理的建议。</translation>
    </message>
    <message>
        <source>Select the proposals to reject (N selects the next one).</source>
        <translation>请选择要拒绝的建议（按 N 选择下一个）。</translation>
    </message>
    <message>
        <source>Nothing to reject: the selection has no proposals.</source>
        <translation>没有可拒绝的内容：所选项中没有建议。</translation>
    </message>
    <message>
        <source>No open proposal has a confidence of %1% or more.</source>
        <translation>没有置信度不低于 %1% 的待处理建议。</translation>
    </message>
    <message>
        <source>No open proposal has a confidence below %1%.</source>
        <translation>没有置信度低于 %1% 的待处理建议。</translation>
    </message>
    <message>
        <source>No more open proposals after this one.</source>
        <translation>此后没有更多待处理的建议。</translation>
    </message>
    <message>
        <source>No open proposals before this one.</source>
        <translation>此前没有待处理的建议。</translation>
    </message>
    <message>
        <source>Select the events to copy.</source>
        <translation>请选择要复制的事件。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s).</source>
        <translation>
            <numerusform>已复制 %n 个事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events to paste.</source>
        <translation>剪贴板中没有可粘贴的事件。</translation>
    </message>
    <message>
        <source>The events on the clipboard cannot be read.</source>
        <translation>无法读取剪贴板中的事件。</translation>
    </message>
    <message>
        <source>Paste events</source>
        <translation>粘贴事件</translation>
    </message>
    <message>
        <source>There is no track to paste into.</source>
        <translation>没有可粘贴到的轨道。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EvaluationDialog</name>
    <message>
        <source>Evaluate Model Run</source>
        <translation>评估模型运行</translation>
    </message>
    <message>
        <source>AVVP: audio-visual video parsing (LLP F-scores)</source>
        <translation>AVVP：视听视频解析（LLP F 分数）</translation>
    </message>
    <message>
        <source>AVE: event localization (segment accuracy)</source>
        <translation>AVE：事件定位（片段准确率）</translation>
    </message>
    <message>
        <source>AVS: sounding-object segmentation (mIoU, F-measure)</source>
        <translation>AVS：发声物体分割（mIoU、F 值）</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> 帧</translation>
    </message>
    <message>
        <source>AVSBench scores frames in batches (4 clips of 5 frames); the scores are means over batches, so they depend on the batch size.</source>
        <translation>AVSBench 按批次（4 个各含 5 帧的片段）为帧评分；分数是各批次的平均值，因此取决于批次大小。</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Model run:</source>
        <translation>模型运行：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Predictions are compared with the accepted and edited annotations of the same label set, on the videos the run analysed.</source>
        <translation>在本次运行分析过的视频上，将预测与同一标签集中已接受和已编辑的标注进行比较。</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;Copy Results</source>
        <translation>复制结果(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the scores as JSON</source>
        <translation>以 JSON 格式复制分数</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>正在读取媒体库…</translation>
    </message>
    <message>
        <source>No model runs yet</source>
        <translation>尚无模型运行</translation>
    </message>
    <message>
        <source>This library has no model runs yet. Analyse videos with a model pack first; its predictions can then be scored here against the annotations you confirm.</source>
        <translation>此媒体库尚无模型运行。请先用模型包分析视频，之后即可在此将其预测与你确认的标注进行比对评分。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>视觉</translation>
    </message>
    <message>
        <source>Audio-visual</source>
        <translation>视听</translation>
    </message>
    <message>
        <source>Type@AV</source>
        <translation>Type@AV</translation>
    </message>
    <message>
        <source>Event@AV</source>
        <translation>Event@AV</translation>
    </message>
    <message>
        <source>Segment level</source>
        <translation>片段级</translation>
    </message>
    <message>
        <source>Event level</source>
        <translation>事件级</translation>
    </message>
    <message numerus="yes">
        <source>F-scores in percent over %n 10-second windows</source>
        <translation>
            <numerusform>F 分数（%）：%n 个 10 秒窗口</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n videos (LLP&apos;s evaluation).</source>
        <translation>
            <numerusform>，共 %n 个视频（LLP 评估方式）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>片段</translation>
    </message>
    <message numerus="yes">
        <source>Percent of %n 1-second segments</source>
        <translation>
            <numerusform>百分比：%n 个 1 秒片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n 10-second windows (AVE&apos;s evaluation).</source>
        <translation>
            <numerusform>，分布在 %n 个 10 秒窗口中（AVE 评估方式）。</numerusform>
        </translation>
    </message>
    <message>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <source>F-measure</source>
        <translation>F 值</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message numerus="yes">
        <source>Percent over %n frames</source>
        <translation>
            <numerusform>百分比：%n 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n batches (AVSBench&apos;s evaluation).</source>
        <translation>
            <numerusform>，共 %n 个批次（AVSBench 评估方式）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The evaluation did not finish: %1</source>
        <translation>评估未完成：%1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::FinetuneDialog</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Events heard and seen (AVVP)</source>
        <translation>听到和看到的事件（AVVP）</translation>
    </message>
    <message>
        <source>Audio-visual events (AVE)</source>
        <translation>视听事件（AVE）</translation>
    </message>
    <message>
        <source>Sounding-object masks (AVS)</source>
        <translation>发声物体掩码（AVS）</translation>
    </message>
    <message>
        <source>Fine-Tune Models</source>
        <translation>微调模型</translation>
    </message>
    <message>
        <source>Retrains the heads of a model pack on the annotations people accepted or corrected in this library (each annotated video counts as fully labelled). The result is a new version of the pack; the version it starts from stays installed and selectable.</source>
        <translation>用此媒体库中已接受或已修正的标注重新训练模型包的头部（每个有标注的视频都视为已完整标注）。结果是该包的新版本；起始版本仍保持安装并可选择。</translation>
    </message>
    <message>
        <source>Passes over the labelled windows</source>
        <translation>遍历已标注窗口的次数</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune</source>
        <translation>微调(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>设为当前(&amp;M)</translation>
    </message>
    <message>
        <source>Analyse with the new version from now on</source>
        <translation>今后使用新版本进行分析</translation>
    </message>
    <message>
        <source>Open a library first: fine-tuning learns from its accepted annotations.</source>
        <translation>请先打开一个媒体库：微调会从其已接受的标注中学习。</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>未安装任何模型包。</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>起始模型包：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Reading the accepted annotations…</source>
        <translation>正在读取已接受的标注…</translation>
    </message>
    <message>
        <source>Getting the features of video %1 of %2: %3</source>
        <translation>正在获取第 %1 个视频（共 %2 个）的特征：%3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2, about %3 left</source>
        <translation>训练中：第 %1 轮，共 %2 轮，约剩 %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2</source>
        <translation>训练中：第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <source>Writing the new version…</source>
        <translation>正在写入新版本…</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>微调失败：%1</translation>
    </message>
    <message>
        <source>Fine-tuning was cancelled; nothing was written.</source>
        <translation>微调已取消；未写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 of the pack is installed, made from version %2 with the accepted annotations of %n video(s) in %3.</source>
        <translation>
            <numerusform>已安装该包的版本 %1，由版本 %2 使用 %n 个视频的已接受标注在 %3 内生成。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3 on the accepted annotations</source>
        <translation>%1：在已接受的标注上 %2 → %3</translation>
    </message>
    <message>
        <source>The version you started from stays available in Analysis › Model Packs.</source>
        <translation>起始版本仍可在“分析 › 模型包”中使用。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 is now the active pack.</source>
        <translation>%1 现在是当前模型包。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::LibraryPanel</name>
    <message>
        <source>Filter videos</source>
        <translation>筛选视频</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show only videos with this status</source>
        <translation>仅显示此状态的视频</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MainWindow</name>
    <message>
        <source>Earmark</source>
        <translation>Earmark</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>媒体库：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>打开视频(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Whole File</source>
        <translation>显示整个文件(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Earmark</source>
        <translation>关于 Earmark(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Earmark starts again.</source>
        <translation>语言将在 Earmark 下次启动时切换。</translation>
    </message>
    <message>
        <source>%1 — Earmark</source>
        <translation>%1 — Earmark</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Media files (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>媒体文件 (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Earmark</source>
        <translation>关于 Earmark</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;Annotate what is heard and seen in videos.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;标注视频中听到和看到的内容。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>&amp;Ask About the Video…</source>
        <translation>就视频提问(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Spectrogram</source>
        <translation>频谱图(&amp;S)</translation>
    </message>
    <message>
        <source>Show the spectrogram instead of the waveform</source>
        <translation>显示频谱图而非波形</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>频谱图</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Show pictures of the video above the waveform</source>
        <translation>在波形上方显示视频画面</translation>
    </message>
    <message>
        <source>T&amp;humbnails</source>
        <translation>缩略图(&amp;H)</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskOverlay</name>
    <message>
        <source>Choose or add a mask object to paint.</source>
        <translation>请选择或添加要绘制的掩码对象。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskPanel</name>
    <message>
        <source>Add object…</source>
        <translation>添加对象…</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Paint the selected object&apos;s mask on the frame shown (B)</source>
        <translation>在当前帧上绘制所选对象的掩码（B）</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Erase from the selected object&apos;s mask on the frame shown (E)</source>
        <translation>在当前帧上擦除所选对象的掩码（E）</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>仅轮廓</translation>
    </message>
    <message>
        <source>Show masks over the video</source>
        <translation>在视频上显示掩码</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Correct the frame shown</source>
        <translation>修正当前帧</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Object %1</source>
        <translation>对象 %1</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>添加对象</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PacksDialog</name>
    <message>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Cite:</source>
        <translation>引用：</translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>掩码</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>音频 %1 Hz</translation>
    </message>
    <message>
        <source>%1 frames per window</source>
        <translation>每个窗口 %1 帧</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>, %1×%2 %3</source>
        <translation>，%1×%2 %3</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>实测：</translation>
    </message>
    <message>
        <source>Model Packs</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>模型包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Install a model pack folder (one with a pack.json)</source>
        <translation>安装模型包文件夹（包含 pack.json 的文件夹）</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>使用(&amp;U)</translation>
    </message>
    <message>
        <source>Analyse with the selected pack from now on</source>
        <translation>今后使用所选模型包进行分析</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（当前使用）</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model pack is installed.&lt;/p&gt;&lt;p&gt;A model pack is a folder with a &lt;code&gt;pack.json&lt;/code&gt; manifest and the model files it lists. Choose &lt;b&gt;Add…&lt;/b&gt; to install one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;未安装任何模型包。&lt;/p&gt;&lt;p&gt;模型包是一个包含 &lt;code&gt;pack.json&lt;/code&gt; 清单及其所列模型文件的文件夹。选择&lt;b&gt;添加…&lt;/b&gt;即可安装。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Model Pack</source>
        <translation>添加模型包</translation>
    </message>
    <message>
        <source>Checking and installing %1…</source>
        <translation>正在检查并安装 %1…</translation>
    </message>
    <message>
        <source>The pack was not added.

%1</source>
        <translation>未添加模型包。

%1</translation>
    </message>
    <message>
        <source>Installed %1 %2.</source>
        <translation>已安装 %1 %2。</translation>
    </message>
    <message>
        <source>Remove Model Pack</source>
        <translation>移除模型包</translation>
    </message>
    <message>
        <source>Remove %1 %2 from this computer? Proposals it made stay in your libraries.</source>
        <translation>要从此计算机移除 %1 %2 吗？它生成的建议仍会保留在你的媒体库中。</translation>
    </message>
    <message>
        <source>%1 s windows, %2 s segments</source>
        <translation>%1 秒窗口，%2 秒片段</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PlayerWidget</name>
    <message>
        <source>Previous frame (,)</source>
        <translation>上一帧（,）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>下一帧（.）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>无法播放 %1：%2</translation>
    </message>
    <message>
        <source>Cannot show the frames of %1: %2</source>
        <translation>无法显示 %1 的帧：%2</translation>
    </message>
    <message>
        <source>A small copy of the video made for seeking: once it is ready, any frame shows at once. It is kept in the library&apos;s cache folder.</source>
        <translation>为跳转而制作的视频小副本：准备好后，任何一帧都会立即显示。它保存在资料库的缓存文件夹中。</translation>
    </message>
    <message>
        <source>Preparing fast seeking… %1%</source>
        <translation>正在准备快速跳转… %1%</translation>
    </message>
    <message>
        <source>Fast seeking unavailable</source>
        <translation>无法使用快速跳转</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ReviewPanel</name>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Select the previous open proposal (Shift+N)</source>
        <translation>选择上一个待处理建议（Shift+N）</translation>
    </message>
    <message>
        <source>Select the next open proposal (N)</source>
        <translation>选择下一个待处理建议（N）</translation>
    </message>
    <message>
        <source>Accept the selected proposals (A)</source>
        <translation>接受所选建议（A）</translation>
    </message>
    <message>
        <source>Reject the selected proposals (R)</source>
        <translation>拒绝所选建议（R）</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>接受阈值以上</translation>
    </message>
    <message>
        <source>Reject all below</source>
        <translation>拒绝阈值以下</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model proposals</source>
        <translation>模型建议</translation>
    </message>
    <message>
        <source>By confidence</source>
        <translation>按置信度</translation>
    </message>
    <message>
        <source>No model proposals for this video yet.</source>
        <translation>此视频尚无模型建议。</translation>
    </message>
    <message>
        <source>%1 open · %2 accepted · %3 rejected</source>
        <translation>待处理 %1 · 已接受 %2 · 已拒绝 %3</translation>
    </message>
    <message>
        <source>%1 open at or above %2 %, %3 below</source>
        <translation>%2% 及以上待处理 %1 个，低于的 %3 个</translation>
    </message>
    <message>
        <source>Accept %1 ≥ %2 %</source>
        <translation>接受 ≥ %2% 的 %1 个</translation>
    </message>
    <message>
        <source>Reject %1 &lt; %2 %</source>
        <translation>拒绝 &lt; %2% 的 %1 个</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>搜索命令和按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>按键：</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <source>%1 is also used by: %2. Only one of them will respond.</source>
        <translation>%1 也被以下命令使用：%2。只有其中一个会响应。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::SpectrogramView</name>
    <message>
        <source>No spectrogram: %1</source>
        <translation>无频谱图：%1</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>正在计算频谱图…</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
</context>
<context>
    <name>earmark::ui::TimelineView</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation>打开视频以查看其时间轴</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio event</source>
        <translation>在此拖动以标记新的音频事件</translation>
    </message>
    <message>
        <source>Drag here to mark a new visual event</source>
        <translation>在此拖动以标记新的视觉事件</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio-visual event</source>
        <translation>在此拖动以标记新的视听事件</translation>
    </message>
    <message>
        <source>Drag here to add a clip label</source>
        <translation>在此拖动以添加片段标签</translation>
    </message>
    <message>
        <source>%1 · event localization</source>
        <translation>%1 · 事件定位</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 open</source>
        <translation>%1 · 待处理 %2</translation>
    </message>
    <message>
        <source>Model proposal, %1 (confidence %2%)</source>
        <translation>模型建议，%1（置信度 %2%）</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>作者：%1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::TransportController</name>
    <message>
        <source>Playback speed %1×</source>
        <translation>播放速度 %1×</translation>
    </message>
    <message>
        <source>Select the events to loop over.</source>
        <translation>请选择要循环播放的事件。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryModel</name>
    <message>
        <source>Opened</source>
        <translation>打开时</translation>
    </message>
    <message>
        <source>The video as it was opened</source>
        <translation>打开时的视频状态</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryPanel</name>
    <message>
        <source>Click an entry to go back to it. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>单击条目即可回到该步骤。Ctrl+Z 撤销，Ctrl+Shift+Z 重做。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::VideoView</name>
    <message>
        <source>No video</source>
        <translation>无视频</translation>
    </message>
</context>
<context>
    <name>earmark::ui::WaveformView</name>
    <message>
        <source>No waveform: %1</source>
        <translation>无波形：%1</translation>
    </message>
    <message>
        <source>Reading audio…</source>
        <translation>正在读取音频…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::Workbench</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t Events</source>
        <translation>剪切事件(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Events</source>
        <translation>复制事件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste Events at Playhead</source>
        <translation>在播放头处粘贴事件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete Events</source>
        <translation>删除事件(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All Events</source>
        <translation>选择所有事件(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;eselect</source>
        <translation>取消选择(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Split at Playhead</source>
        <translation>在播放头处拆分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge Events</source>
        <translation>合并事件(&amp;M)</translation>
    </message>
    <message>
        <source>Change C&amp;lass…</source>
        <translation>更改类别(&amp;L)…</translation>
    </message>
    <message>
        <source>Set Class Number %1</source>
        <translation>指定为类别编号 %1</translation>
    </message>
    <message>
        <source>Mark as &amp;Heard (Audio)</source>
        <translation>标记为听到（音频）(&amp;H)</translation>
    </message>
    <message>
        <source>Mark as &amp;Seen (Visual)</source>
        <translation>标记为看到（视觉）(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as Heard and Seen (Audio-&amp;Visual)</source>
        <translation>标记为听到且看到（视听）(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;Track…</source>
        <translation>添加轨道(&amp;T)…</translation>
    </message>
    <message>
        <source>Add Track</source>
        <translation>添加轨道</translation>
    </message>
    <message>
        <source>Label set of the new track:</source>
        <translation>新轨道的标签集：</translation>
    </message>
    <message>
        <source>Name of the new track:</source>
        <translation>新轨道的名称：</translation>
    </message>
    <message>
        <source>&amp;Accept Proposal</source>
        <translation>接受建议(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject Proposal</source>
        <translation>拒绝建议(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>下一个建议(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>上一个建议(&amp;P)</translation>
    </message>
    <message>
        <source>Accept All &amp;Above Threshold</source>
        <translation>接受阈值以上的全部建议(&amp;A)</translation>
    </message>
    <message>
        <source>Reject All &amp;Below Threshold</source>
        <translation>拒绝阈值以下的全部建议(&amp;B)</translation>
    </message>
    <message>
        <source>Mark Video “%1”</source>
        <translation>将视频标记为“%1”</translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation>穿梭后退(&amp;B)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Stop</source>
        <translation>穿梭停止(&amp;S)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation>穿梭前进(&amp;F)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;Start</source>
        <translation>跳到事件开头(&amp;S)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;End</source>
        <translation>跳到事件结尾(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation>循环播放所选部分(&amp;L)</translation>
    </message>
    <message>
        <source>Fas&amp;ter</source>
        <translation>加快(&amp;T)</translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation>减慢(&amp;W)</translation>
    </message>
    <message>
        <source>N&amp;ormal Speed</source>
        <translation>正常速度(&amp;O)</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>增大音量(&amp;U)</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>减小音量(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <source>Mask &amp;Brush</source>
        <translation>掩码画笔(&amp;B)</translation>
    </message>
    <message>
        <source>Mask &amp;Eraser</source>
        <translation>掩码橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Show Masks</source>
        <translation>显示掩码(&amp;S)</translation>
    </message>
    <message>
        <source>Masks as &amp;Outlines</source>
        <translation>以轮廓显示掩码(&amp;O)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Playback speed (&lt; slower, &gt; faster); the pitch stays</source>
        <translation>播放速度（&lt; 减慢，&gt; 加快）；音调保持不变</translation>
    </message>
    <message>
        <source>Volume (Ctrl+Up, Ctrl+Down)</source>
        <translation>音量（Ctrl+↑、Ctrl+↓）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Class by &amp;Number</source>
        <translation>按编号指定类别(&amp;N)</translation>
    </message>
    <message>
        <source>Heard or Seen</source>
        <translation>听到或看到</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Video &amp;Status</source>
        <translation>视频状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Masks</source>
        <translation>掩码(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add Object…</source>
        <translation>添加对象(&amp;A)…</translation>
    </message>
    <message>
        <source>Cannot open the annotations of %1: %2</source>
        <translation>无法打开 %1 的标注：%2</translation>
    </message>
    <message>
        <source>An edit could not be saved and the video was reloaded: %1</source>
        <translation>无法保存某项编辑，已重新加载视频：%1</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>请选择要更改类别的事件。</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
</context>
</TS>
