<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>QObject</name>
    <message>
        <source>Earmark</source>
        <translation>Earmark</translation>
    </message>
    <message>
        <source>Cannot open the library.

%1</source>
        <translation>ライブラリを開けません。

%1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Evaluate Model Run…</source>
        <translation>モデル実行を評価(&amp;E)…</translation>
    </message>
    <message>
        <source>Score a model run&apos;s predictions against the confirmed annotations (AVVP, AVE and AVS benchmark metrics)</source>
        <translation>モデル実行の予測を確定済みのアノテーションと照合して採点します（AVVP・AVE・AVS のベンチマーク指標）</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>Audio events</source>
        <translation>音声イベント</translation>
    </message>
    <message>
        <source>Visual events</source>
        <translation>映像イベント</translation>
    </message>
    <message>
        <source>Audio-visual events</source>
        <translation>視聴覚イベント</translation>
    </message>
    <message>
        <source>Clip labels</source>
        <translation>クリップラベル</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>visual</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>audio-visual</source>
        <translation>視聴覚</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>レビュー済み</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisController</name>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>%1 %2 mask</source>
        <translation>%1: マスク %2 件</translation>
    </message>
    <message>
        <source>%1 %2 masks</source>
        <translation>%1: マスク %2 件</translation>
    </message>
    <message>
        <source>%1 %2 event</source>
        <translation>%1: イベント %2 件</translation>
    </message>
    <message>
        <source>%1 %2 events</source>
        <translation>%1: イベント %2 件</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>%1 秒で完了</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisPanel</name>
    <message>
        <source>Model Packs…</source>
        <translation>モデルパック…</translation>
    </message>
    <message>
        <source>Analyze Video</source>
        <translation>動画を解析</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>有効なモデルパックで、開いている動画を解析します</translation>
    </message>
    <message>
        <source>Analyze Videos…</source>
        <translation>複数の動画を解析…</translation>
    </message>
    <message>
        <source>Choose videos, a range, a pack and tasks</source>
        <translation>動画・範囲・パック・タスクを選択</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>すべてキャンセル</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>完了分を消去</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Pack: &lt;b&gt;%1&lt;/b&gt; %2 (%3) on %4</source>
        <translation>パック: &lt;b&gt;%1&lt;/b&gt; %2（%3）、%4 で実行</translation>
    </message>
    <message>
        <source>No model pack installed: add one with Model Packs…</source>
        <translation>モデルパックがインストールされていません。「モデルパック…」から追加してください</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>この解析を停止</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1（%2 を使用）</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisUi</name>
    <message>
        <source>Analysis</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Analyze &amp;Open Video</source>
        <translation>開いている動画を解析(&amp;O)</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>有効なモデルパックで、開いている動画を解析します</translation>
    </message>
    <message>
        <source>Analyze &amp;Videos…</source>
        <translation>複数の動画を解析(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Model Packs…</source>
        <translation>モデルパック(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Cancel All Analyses</source>
        <translation>すべての解析をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>解析(&amp;A)</translation>
    </message>
    <message>
        <source>Analysis of %1 failed: %2</source>
        <translation>%1 の解析に失敗しました: %2</translation>
    </message>
    <message>
        <source>Analysis of %1: %2</source>
        <translation>%1 の解析: %2</translation>
    </message>
    <message>
        <source>New proposals for %1 are in the library</source>
        <translation>%1 の新しい提案がライブラリに追加されました</translation>
    </message>
    <message>
        <source>Analyze &amp;New Videos</source>
        <translation>新しい動画を解析(&amp;N)</translation>
    </message>
    <message>
        <source>Run the active model pack over every video added to the library, in the background</source>
        <translation>ライブラリに追加されるすべての動画を、有効なモデルパックでバックグラウンドで解析します</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Models on Accepted Annotations…</source>
        <translation>承認済みアノテーションでモデルを微調整(&amp;F)…</translation>
    </message>
    <message>
        <source>Retrain a model pack&apos;s heads on the annotations accepted in this library, as a new version of the pack</source>
        <translation>このライブラリで承認されたアノテーションでモデルパックのヘッドを再学習し、パックの新しいバージョンとして保存します</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalyzeDialog</name>
    <message>
        <source>Analyze Videos</source>
        <translation>動画の解析</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>すべての動画</translation>
    </message>
    <message>
        <source>start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>パック:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>タスク:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>範囲:</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>Videos:</source>
        <translation>動画:</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>モデルパックがインストールされていません。</translation>
    </message>
    <message>
        <source>Check the videos to analyse.</source>
        <translation>解析する動画にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>タスクを 1 つ以上選択してください。</translation>
    </message>
    <message>
        <source>Write times like 90, 1:30 or 0:01:30.5.</source>
        <translation>時間は 90、1:30、0:01:30.5 のように入力してください。</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>範囲の終了が開始より前になっています。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) will be analysed in the background.</source>
        <translation>
            <numerusform>%n 本の動画をバックグラウンドで解析します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPanel</name>
    <message>
        <source>heard</source>
        <translation>聞こえる</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>見える</translation>
    </message>
    <message>
        <source>heard and seen</source>
        <translation>聞こえて見える</translation>
    </message>
    <message>
        <source>Clear the conversation about this video</source>
        <translation>この動画についての会話を消去</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Chat server, model and what is sent (Preferences › Chat)</source>
        <translation>チャットサーバー、モデル、送信する内容（環境設定 › チャット）</translation>
    </message>
    <message>
        <source>Ask about the video… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>動画について質問…（Enter で送信、Shift+Enter で改行）</translation>
    </message>
    <message>
        <source>What the question is about: the frames and sound of this part are sent with it</source>
        <translation>質問の対象です。この部分のフレームと音声が質問と一緒に送信されます</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>About the whole video</source>
        <translation>動画全体について</translation>
    </message>
    <message>
        <source>About the selection (%1)</source>
        <translation>選択範囲について（%1）</translation>
    </message>
    <message>
        <source>About the part in view (%1)</source>
        <translation>表示中の部分について（%1）</translation>
    </message>
    <message>
        <source>Clear the Conversation</source>
        <translation>会話を消去</translation>
    </message>
    <message>
        <source>Remove all questions and answers about “%1” from the library?</source>
        <translation>「%1」についての質問と回答をすべてライブラリから削除しますか?</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>動画を読み込んでいます…</translation>
    </message>
    <message>
        <source>Waiting for %1 at %2…</source>
        <translation>%2 の %1 を待っています…</translation>
    </message>
    <message>
        <source>%1 is answering… (Esc stops)</source>
        <translation>%1 が回答中…（Esc で停止）</translation>
    </message>
    <message>
        <source>Chat about %1</source>
        <translation>%1 についてのチャット</translation>
    </message>
    <message>
        <source>Chat: open a video to ask about it</source>
        <translation>チャット: 質問するには動画を開いてください</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>回答を停止（Esc）</translation>
    </message>
    <message>
        <source>Send the question (Enter)</source>
        <translation>質問を送信（Enter）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>%1 について</translation>
    </message>
    <message>
        <source>about the whole video</source>
        <translation>動画全体について</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>(stopped before the answer began)</source>
        <translation>（回答が始まる前に停止しました）</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（停止しました）</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>もう一度質問</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>チャット設定…</translation>
    </message>
    <message>
        <source>(the model gave no answer)</source>
        <translation>（モデルから回答がありませんでした）</translation>
    </message>
    <message>
        <source>Open a video to ask about what is heard and seen in it.</source>
        <translation>動画を開くと、その中で聞こえるものや見えるものについて質問できます。</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>会話を読み込んでいます…</translation>
    </message>
    <message>
        <source>Ask about this video: “When does the dog start barking?”, “What does the man say?”. The model gets its frames and its sound; times in the answer are links to those moments.</source>
        <translation>この動画について質問できます。例:「犬が吠え始めるのはいつ?」「男性は何と言っている?」。モデルには動画のフレームと音声が渡され、回答中の時刻はその場面へのリンクになります。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPreferencesPage</name>
    <message>
        <source>The server&apos;s base URL, as OpenAI clients take it. Questions go to &lt;endpoint&gt;/chat/completions.</source>
        <translation>サーバーのベース URL（OpenAI クライアントと同じ形式）。質問は &lt;endpoint&gt;/chat/completions に送信されます。</translation>
    </message>
    <message>
        <source>The name the server serves the model under</source>
        <translation>サーバーがモデルを提供している名前</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>キーの表示/非表示を切り替え</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>モデル(&amp;M):</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API キー(&amp;K):</translation>
    </message>
    <message>
        <source>The key is kept in your user settings, not in the library, and is never written to logs. $EARMARK_CHAT_API_KEY, when set, is used instead.</source>
        <translation>キーはライブラリではなくユーザー設定に保存され、ログに書き込まれることはありません。$EARMARK_CHAT_API_KEY が設定されている場合は、そちらが使用されます。</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 枚/秒</translation>
    </message>
    <message>
        <source>Longer clips get this many frames spread evenly over them</source>
        <translation>これより長いクリップでは、この枚数のフレームを均等な間隔で取り出します</translation>
    </message>
    <message>
        <source> pixels</source>
        <translation> ピクセル</translation>
    </message>
    <message>
        <source>Frames are scaled down so that their longer side fits</source>
        <translation>フレームは長辺がこのサイズに収まるよう縮小されます</translation>
    </message>
    <message>
        <source>Send &amp;frames</source>
        <translation>フレームを送信(&amp;F)</translation>
    </message>
    <message>
        <source>Send the &amp;sound (16 kHz mono)</source>
        <translation>音声を送信（16 kHz モノラル）(&amp;S)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Longer videos are asked about a selection at a time</source>
        <translation>これより長い動画では、選択範囲ごとに質問します</translation>
    </message>
    <message>
        <source>What is sent with a question</source>
        <translation>質問と一緒に送信する内容</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>フレーム:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最大:</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>フレームサイズ:</translation>
    </message>
    <message>
        <source>Longest clip:</source>
        <translation>最長クリップ:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long</source>
        <translation>サーバーからこの時間何も届かない場合は中止します</translation>
    </message>
    <message>
        <source>the server&apos;s limit</source>
        <translation>サーバーの上限</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>タイムアウト:</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>最大回答長:</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>既定値に戻す</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>%1 にモデル一覧を問い合わせています…</translation>
    </message>
    <message>
        <source>Connected. The server serves %1.</source>
        <translation>接続しました。サーバーは %1 を提供しています。</translation>
    </message>
    <message>
        <source>Connected, but the server has no model named “%1”; it serves: %2.</source>
        <translation>接続しましたが、サーバーに「%1」という名前のモデルはありません。提供されているモデル: %2。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatSession</name>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>会話を読み込めません: %1</translation>
    </message>
    <message>
        <source>The question could not be saved: %1</source>
        <translation>質問を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The old answer could not be removed: %1</source>
        <translation>以前の回答を削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The question failed.</source>
        <translation>質問に失敗しました。</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>回答を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The conversation could not be cleared: %1</source>
        <translation>会話を消去できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ClassPicker</name>
    <message>
        <source>Class (%1)</source>
        <translation>クラス（%1）</translation>
    </message>
    <message>
        <source>Type to search classes</source>
        <translation>入力してクラスを検索</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EditorSession</name>
    <message>
        <source>Open a video first.</source>
        <translation>先に動画を開いてください。</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>イベントを追加</translation>
    </message>
    <message>
        <source>There is no track to draw into.</source>
        <translation>描画先のトラックがありません。</translation>
    </message>
    <message>
        <source>Select an event under the playhead to split it.</source>
        <translation>分割するには、再生ヘッド位置にあるイベントを選択してください。</translation>
    </message>
    <message>
        <source>Split event</source>
        <translation>イベントを分割</translation>
    </message>
    <message numerus="yes">
        <source>Split %n events</source>
        <translation>
            <numerusform>%n 件のイベントを分割</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more events of one class to merge them.</source>
        <translation>結合するには、同じクラスのイベントを 2 つ以上選択してください。</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>クラスを変更するイベントを選択してください。</translation>
    </message>
    <message>
        <source>No class has the number %1 in this track.</source>
        <translation>このトラックには番号 %1 のクラスがありません。</translation>
    </message>
    <message>
        <source>Select the events to change whether they are heard or seen.</source>
        <translation>聞こえるか見えるかを変更するイベントを選択してください。</translation>
    </message>
    <message>
        <source>Select the proposals to accept (N selects the next one).</source>
        <translation>承認する提案を選択してください（N で次の提案を選択）。</translation>
    </message>
    <message>
        <source>Nothing to accept: the selection has no open proposals.</source>
        <translation>承認できるものがありません。選択範囲に未処理の提案がありません。</translation>
    </message>
    <message>
        <source>Select the proposals to reject (N selects the next one).</source>
        <translation>却下する提案を選択してください（N で次の提案を選択）。</translation>
    </message>
    <message>
        <source>Nothing to reject: the selection has no proposals.</source>
        <translation>却下できるものがありません。選択範囲に提案がありません。</translation>
    </message>
    <message>
        <source>No open proposal has a confidence of %1% or more.</source>
        <translation>信頼度が %1% 以上の未処理の提案はありません。</translation>
    </message>
    <message>
        <source>No open proposal has a confidence below %1%.</source>
        <translation>信頼度が %1% 未満の未処理の提案はありません。</translation>
    </message>
    <message>
        <source>No more open proposals after this one.</source>
        <translation>これより後に未処理の提案はありません。</translation>
    </message>
    <message>
        <source>No open proposals before this one.</source>
        <translation>これより前に未処理の提案はありません。</translation>
    </message>
    <message>
        <source>Select the events to copy.</source>
        <translation>コピーするイベントを選択してください。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s).</source>
        <translation>
            <numerusform>%n 件のイベントをコピーしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events to paste.</source>
        <translation>クリップボードに貼り付けられるイベントがありません。</translation>
    </message>
    <message>
        <source>The events on the clipboard cannot be read.</source>
        <translation>クリップボードのイベントを読み取れません。</translation>
    </message>
    <message>
        <source>Paste events</source>
        <translation>イベントを貼り付け</translation>
    </message>
    <message>
        <source>There is no track to paste into.</source>
        <translation>貼り付け先のトラックがありません。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EvaluationDialog</name>
    <message>
        <source>Evaluate Model Run</source>
        <translation>モデル実行の評価</translation>
    </message>
    <message>
        <source>AVVP: audio-visual video parsing (LLP F-scores)</source>
        <translation>AVVP: 視聴覚ビデオ解析（LLP の F 値）</translation>
    </message>
    <message>
        <source>AVE: event localization (segment accuracy)</source>
        <translation>AVE: イベント位置特定（セグメント正解率）</translation>
    </message>
    <message>
        <source>AVS: sounding-object segmentation (mIoU, F-measure)</source>
        <translation>AVS: 音源物体セグメンテーション（mIoU、F 値）</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> フレーム</translation>
    </message>
    <message>
        <source>AVSBench scores frames in batches (4 clips of 5 frames); the scores are means over batches, so they depend on the batch size.</source>
        <translation>AVSBench はフレームをバッチ単位（5 フレームのクリップ 4 本）で採点します。スコアはバッチごとの平均なので、バッチサイズによって変わります。</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>バッチ:</translation>
    </message>
    <message>
        <source>Model run:</source>
        <translation>モデル実行:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指標:</translation>
    </message>
    <message>
        <source>Predictions are compared with the accepted and edited annotations of the same label set, on the videos the run analysed.</source>
        <translation>予測は、その実行で解析した動画について、同じラベルセットの承認済み・編集済みアノテーションと比較されます。</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>評価(&amp;E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;Copy Results</source>
        <translation>結果をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the scores as JSON</source>
        <translation>スコアを JSON としてコピー</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>ライブラリを読み込んでいます…</translation>
    </message>
    <message>
        <source>No model runs yet</source>
        <translation>モデル実行はまだありません</translation>
    </message>
    <message>
        <source>This library has no model runs yet. Analyse videos with a model pack first; its predictions can then be scored here against the annotations you confirm.</source>
        <translation>このライブラリにはまだモデル実行がありません。まずモデルパックで動画を解析してください。その予測を、確定したアノテーションと照らし合わせてここで採点できます。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>評価中…</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Audio-visual</source>
        <translation>視聴覚</translation>
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
        <translation>セグメント単位</translation>
    </message>
    <message>
        <source>Event level</source>
        <translation>イベント単位</translation>
    </message>
    <message numerus="yes">
        <source>F-scores in percent over %n 10-second windows</source>
        <translation>
            <numerusform>F 値（%）: 10 秒ウィンドウ %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n videos (LLP&apos;s evaluation).</source>
        <translation>
            <numerusform>、動画 %n 本（LLP の評価方法）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>セグメント</translation>
    </message>
    <message numerus="yes">
        <source>Percent of %n 1-second segments</source>
        <translation>
            <numerusform>割合（%）: 1 秒セグメント %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n 10-second windows (AVE&apos;s evaluation).</source>
        <translation>
            <numerusform>、10 秒ウィンドウ %n 個（AVE の評価方法）。</numerusform>
        </translation>
    </message>
    <message>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <source>F-measure</source>
        <translation>F 値</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>フレーム</translation>
    </message>
    <message numerus="yes">
        <source>Percent over %n frames</source>
        <translation>
            <numerusform>割合（%）: %n フレーム</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n batches (AVSBench&apos;s evaluation).</source>
        <translation>
            <numerusform>、%n バッチ（AVSBench の評価方法）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The evaluation did not finish: %1</source>
        <translation>評価が完了しませんでした: %1</translation>
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
        <translation>聞こえる・見えるイベント (AVVP)</translation>
    </message>
    <message>
        <source>Audio-visual events (AVE)</source>
        <translation>視聴覚イベント (AVE)</translation>
    </message>
    <message>
        <source>Sounding-object masks (AVS)</source>
        <translation>音源物体のマスク (AVS)</translation>
    </message>
    <message>
        <source>Fine-Tune Models</source>
        <translation>モデルの微調整</translation>
    </message>
    <message>
        <source>Retrains the heads of a model pack on the annotations people accepted or corrected in this library (each annotated video counts as fully labelled). The result is a new version of the pack; the version it starts from stays installed and selectable.</source>
        <translation>このライブラリで承認または修正されたアノテーションで、モデルパックのヘッドを再学習します（アノテーションのある動画はすべてラベル付け済みとみなします）。結果はパックの新しいバージョンになり、元のバージョンもインストールされたまま選択できます。</translation>
    </message>
    <message>
        <source>Passes over the labelled windows</source>
        <translation>ラベル付きウィンドウを学習する回数</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune</source>
        <translation>微調整(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>有効にする(&amp;M)</translation>
    </message>
    <message>
        <source>Analyse with the new version from now on</source>
        <translation>今後は新しいバージョンで解析します</translation>
    </message>
    <message>
        <source>Open a library first: fine-tuning learns from its accepted annotations.</source>
        <translation>まずライブラリを開いてください。微調整はその承認済みアノテーションから学習します。</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>モデルパックがインストールされていません。</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>元のパック:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>エポック数:</translation>
    </message>
    <message>
        <source>Reading the accepted annotations…</source>
        <translation>承認済みアノテーションを読み込み中…</translation>
    </message>
    <message>
        <source>Getting the features of video %1 of %2: %3</source>
        <translation>動画 %1 / %2 の特徴量を取得中: %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2, about %3 left</source>
        <translation>学習中: エポック %1 / %2、残り約 %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2</source>
        <translation>学習中: エポック %1 / %2</translation>
    </message>
    <message>
        <source>Writing the new version…</source>
        <translation>新しいバージョンを書き込み中…</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>微調整に失敗しました: %1</translation>
    </message>
    <message>
        <source>Fine-tuning was cancelled; nothing was written.</source>
        <translation>微調整を中止しました。何も書き込まれていません。</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 of the pack is installed, made from version %2 with the accepted annotations of %n video(s) in %3.</source>
        <translation>
            <numerusform>パックのバージョン %1 をインストールしました。バージョン %2 から、%n 本の動画の承認済みアノテーションで %3 かけて作成しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3 on the accepted annotations</source>
        <translation>%1: 承認済みアノテーションで %2 → %3</translation>
    </message>
    <message>
        <source>The version you started from stays available in Analysis › Model Packs.</source>
        <translation>元のバージョンは「解析 › モデルパック」で引き続き利用できます。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>%1 is now the active pack.</source>
        <translation>%1 が有効なパックになりました。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::LibraryPanel</name>
    <message>
        <source>Filter videos</source>
        <translation>動画を絞り込み</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Show only videos with this status</source>
        <translation>このステータスの動画のみ表示</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
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
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 を追加しました</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>ライブラリ: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>動画を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>再生/一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>次のフレーム(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation>前のフレーム(&amp;R)</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>5 秒戻る</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>5 秒進む</translation>
    </message>
    <message>
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Whole File</source>
        <translation>ファイル全体を表示(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ヘルプ</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Earmark</source>
        <translation>Earmark について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>システムに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Earmark starts again.</source>
        <translation>言語は Earmark の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <source>%1 — Earmark</source>
        <translation>%1 — Earmark</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>動画を開く</translation>
    </message>
    <message>
        <source>Media files (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>メディアファイル (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>About Earmark</source>
        <translation>Earmark について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;Annotate what is heard and seen in videos.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;動画の中で聞こえるもの・見えるものにアノテーションを付けます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>&amp;Ask About the Video…</source>
        <translation>動画について質問(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Spectrogram</source>
        <translation>スペクトログラム(&amp;S)</translation>
    </message>
    <message>
        <source>Show the spectrogram instead of the waveform</source>
        <translation>波形の代わりにスペクトログラムを表示</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>スペクトログラム</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Show pictures of the video above the waveform</source>
        <translation>波形の上に動画の画像を表示</translation>
    </message>
    <message>
        <source>T&amp;humbnails</source>
        <translation>サムネイル(&amp;H)</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskOverlay</name>
    <message>
        <source>Choose or add a mask object to paint.</source>
        <translation>描画するマスクオブジェクトを選択または追加してください。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskPanel</name>
    <message>
        <source>Add object…</source>
        <translation>オブジェクトを追加…</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>ブラシ</translation>
    </message>
    <message>
        <source>Paint the selected object&apos;s mask on the frame shown (B)</source>
        <translation>表示中のフレームに、選択したオブジェクトのマスクを描画（B）</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
    <message>
        <source>Erase from the selected object&apos;s mask on the frame shown (E)</source>
        <translation>表示中のフレームで、選択したオブジェクトのマスクを消去（E）</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>輪郭のみ</translation>
    </message>
    <message>
        <source>Show masks over the video</source>
        <translation>動画にマスクを重ねて表示</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Correct the frame shown</source>
        <translation>表示中のフレームを修正</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>表示</translation>
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
        <translation>オブジェクト %1</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>オブジェクトを追加</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PacksDialog</name>
    <message>
        <source>Licence:</source>
        <translation>ライセンス:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <source>Cite:</source>
        <translation>引用:</translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation>ウィンドウ:</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>マスク</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n クラス</numerusform>
        </translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>音声 %1 Hz</translation>
    </message>
    <message>
        <source>%1 frames per window</source>
        <translation>ウィンドウあたり %1 フレーム</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>, %1×%2 %3</source>
        <translation>、%1×%2 %3</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>エンコーダー</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>測定値:</translation>
    </message>
    <message>
        <source>Model Packs</source>
        <translation>モデルパック</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>パック</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>タスク</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Install a model pack folder (one with a pack.json)</source>
        <translation>モデルパックのフォルダー（pack.json を含むもの）をインストール</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>使用(&amp;U)</translation>
    </message>
    <message>
        <source>Analyse with the selected pack from now on</source>
        <translation>今後は選択したパックで解析</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（使用中）</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model pack is installed.&lt;/p&gt;&lt;p&gt;A model pack is a folder with a &lt;code&gt;pack.json&lt;/code&gt; manifest and the model files it lists. Choose &lt;b&gt;Add…&lt;/b&gt; to install one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;モデルパックがインストールされていません。&lt;/p&gt;&lt;p&gt;モデルパックとは、&lt;code&gt;pack.json&lt;/code&gt; マニフェストと、そこに記載されたモデルファイルを含むフォルダーです。インストールするには &lt;b&gt;追加…&lt;/b&gt; を選択してください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Model Pack</source>
        <translation>モデルパックの追加</translation>
    </message>
    <message>
        <source>Checking and installing %1…</source>
        <translation>%1 を確認してインストールしています…</translation>
    </message>
    <message>
        <source>The pack was not added.

%1</source>
        <translation>パックは追加されませんでした。

%1</translation>
    </message>
    <message>
        <source>Installed %1 %2.</source>
        <translation>%1 %2 をインストールしました。</translation>
    </message>
    <message>
        <source>Remove Model Pack</source>
        <translation>モデルパックの削除</translation>
    </message>
    <message>
        <source>Remove %1 %2 from this computer? Proposals it made stay in your libraries.</source>
        <translation>%1 %2 をこのコンピューターから削除しますか? このパックによる提案はライブラリに残ります。</translation>
    </message>
    <message>
        <source>%1 s windows, %2 s segments</source>
        <translation>%1 秒ウィンドウ、%2 秒セグメント</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PlayerWidget</name>
    <message>
        <source>Previous frame (,)</source>
        <translation>前のフレーム（,）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>再生（Space）</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>次のフレーム（.）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>一時停止（Space）</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>%1 を再生できません: %2</translation>
    </message>
    <message>
        <source>Cannot show the frames of %1: %2</source>
        <translation>%1 のフレームを表示できません: %2</translation>
    </message>
    <message>
        <source>A small copy of the video made for seeking: once it is ready, any frame shows at once. It is kept in the library&apos;s cache folder.</source>
        <translation>シーク用の動画の小さなコピーです。準備ができると、どのフレームもすぐに表示されます。ライブラリのキャッシュフォルダーに保存されます。</translation>
    </message>
    <message>
        <source>Preparing fast seeking… %1%</source>
        <translation>高速シークを準備中… %1%</translation>
    </message>
    <message>
        <source>Fast seeking unavailable</source>
        <translation>高速シークは使用できません</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ReviewPanel</name>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Select the previous open proposal (Shift+N)</source>
        <translation>前の未処理の提案を選択（Shift+N）</translation>
    </message>
    <message>
        <source>Select the next open proposal (N)</source>
        <translation>次の未処理の提案を選択（N）</translation>
    </message>
    <message>
        <source>Accept the selected proposals (A)</source>
        <translation>選択した提案を承認（A）</translation>
    </message>
    <message>
        <source>Reject the selected proposals (R)</source>
        <translation>選択した提案を却下（R）</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>しきい値以上を承認</translation>
    </message>
    <message>
        <source>Reject all below</source>
        <translation>しきい値未満を却下</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Model proposals</source>
        <translation>モデルの提案</translation>
    </message>
    <message>
        <source>By confidence</source>
        <translation>信頼度で一括処理</translation>
    </message>
    <message>
        <source>No model proposals for this video yet.</source>
        <translation>この動画にはまだモデルの提案がありません。</translation>
    </message>
    <message>
        <source>%1 open · %2 accepted · %3 rejected</source>
        <translation>未処理 %1 · 承認 %2 · 却下 %3</translation>
    </message>
    <message>
        <source>%1 open at or above %2 %, %3 below</source>
        <translation>%2% 以上の未処理 %1 件、未満 %3 件</translation>
    </message>
    <message>
        <source>Accept %1 ≥ %2 %</source>
        <translation>%2% 以上の %1 件を承認</translation>
    </message>
    <message>
        <source>Reject %1 &lt; %2 %</source>
        <translation>%2% 未満の %1 件を却下</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>コマンドとキーを検索</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>キー:</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>すべてリセット</translation>
    </message>
    <message>
        <source>%1 is also used by: %2. Only one of them will respond.</source>
        <translation>%1 は次でも使われています: %2。反応するのはどれか 1 つだけです。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::SpectrogramView</name>
    <message>
        <source>No spectrogram: %1</source>
        <translation>スペクトログラムなし: %1</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>スペクトログラムを計算しています…</translation>
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
        <translation>動画を開くとタイムラインが表示されます</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio event</source>
        <translation>ここをドラッグして新しい音声イベントをマーク</translation>
    </message>
    <message>
        <source>Drag here to mark a new visual event</source>
        <translation>ここをドラッグして新しい映像イベントをマーク</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio-visual event</source>
        <translation>ここをドラッグして新しい視聴覚イベントをマーク</translation>
    </message>
    <message>
        <source>Drag here to add a clip label</source>
        <translation>ここをドラッグしてクリップラベルを追加</translation>
    </message>
    <message>
        <source>%1 · event localization</source>
        <translation>%1 · イベント位置特定</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 open</source>
        <translation>%1 · 未処理 %2</translation>
    </message>
    <message>
        <source>Model proposal, %1 (confidence %2%)</source>
        <translation>モデルの提案、%1（信頼度 %2%）</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>作成者: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::TransportController</name>
    <message>
        <source>Playback speed %1×</source>
        <translation>再生速度 %1×</translation>
    </message>
    <message>
        <source>Select the events to loop over.</source>
        <translation>ループ再生するイベントを選択してください。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryModel</name>
    <message>
        <source>Opened</source>
        <translation>開いた時点</translation>
    </message>
    <message>
        <source>The video as it was opened</source>
        <translation>開いた時点の動画</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryPanel</name>
    <message>
        <source>Click an entry to go back to it. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>項目をクリックすると、その時点に戻ります。Ctrl+Z で元に戻す、Ctrl+Shift+Z でやり直し。</translation>
    </message>
</context>
<context>
    <name>earmark::ui::VideoView</name>
    <message>
        <source>No video</source>
        <translation>動画なし</translation>
    </message>
</context>
<context>
    <name>earmark::ui::WaveformView</name>
    <message>
        <source>No waveform: %1</source>
        <translation>波形なし: %1</translation>
    </message>
    <message>
        <source>Reading audio…</source>
        <translation>音声を読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::Workbench</name>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>マスク</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t Events</source>
        <translation>イベントを切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Events</source>
        <translation>イベントをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste Events at Playhead</source>
        <translation>再生ヘッド位置にイベントを貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete Events</source>
        <translation>イベントを削除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All Events</source>
        <translation>すべてのイベントを選択(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;eselect</source>
        <translation>選択を解除(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Split at Playhead</source>
        <translation>再生ヘッド位置で分割(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge Events</source>
        <translation>イベントを結合(&amp;M)</translation>
    </message>
    <message>
        <source>Change C&amp;lass…</source>
        <translation>クラスを変更(&amp;L)…</translation>
    </message>
    <message>
        <source>Set Class Number %1</source>
        <translation>クラス番号 %1 を割り当て</translation>
    </message>
    <message>
        <source>Mark as &amp;Heard (Audio)</source>
        <translation>聞こえるイベントにする（音声）(&amp;H)</translation>
    </message>
    <message>
        <source>Mark as &amp;Seen (Visual)</source>
        <translation>見えるイベントにする（映像）(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as Heard and Seen (Audio-&amp;Visual)</source>
        <translation>聞こえて見えるイベントにする（視聴覚）(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;Track…</source>
        <translation>トラックを追加(&amp;T)…</translation>
    </message>
    <message>
        <source>Add Track</source>
        <translation>トラックの追加</translation>
    </message>
    <message>
        <source>Label set of the new track:</source>
        <translation>新しいトラックのラベルセット:</translation>
    </message>
    <message>
        <source>Name of the new track:</source>
        <translation>新しいトラックの名前:</translation>
    </message>
    <message>
        <source>&amp;Accept Proposal</source>
        <translation>提案を承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject Proposal</source>
        <translation>提案を却下(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>次の提案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>前の提案(&amp;P)</translation>
    </message>
    <message>
        <source>Accept All &amp;Above Threshold</source>
        <translation>しきい値以上をすべて承認(&amp;A)</translation>
    </message>
    <message>
        <source>Reject All &amp;Below Threshold</source>
        <translation>しきい値未満をすべて却下(&amp;B)</translation>
    </message>
    <message>
        <source>Mark Video “%1”</source>
        <translation>動画を「%1」にする</translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation>シャトル: 逆再生(&amp;B)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Stop</source>
        <translation>シャトル: 停止(&amp;S)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation>シャトル: 順再生(&amp;F)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;Start</source>
        <translation>イベントの先頭へ移動(&amp;S)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;End</source>
        <translation>イベントの末尾へ移動(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation>選択範囲をループ再生(&amp;L)</translation>
    </message>
    <message>
        <source>Fas&amp;ter</source>
        <translation>速く(&amp;T)</translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation>遅く(&amp;W)</translation>
    </message>
    <message>
        <source>N&amp;ormal Speed</source>
        <translation>通常の速度(&amp;O)</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>音量を上げる(&amp;U)</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>音量を下げる(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>ミュート(&amp;M)</translation>
    </message>
    <message>
        <source>Mask &amp;Brush</source>
        <translation>マスクブラシ(&amp;B)</translation>
    </message>
    <message>
        <source>Mask &amp;Eraser</source>
        <translation>マスク消しゴム(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Show Masks</source>
        <translation>マスクを表示(&amp;S)</translation>
    </message>
    <message>
        <source>Masks as &amp;Outlines</source>
        <translation>マスクを輪郭で表示(&amp;O)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>Playback speed (&lt; slower, &gt; faster); the pitch stays</source>
        <translation>再生速度（&lt; で遅く、&gt; で速く）。ピッチは変わりません</translation>
    </message>
    <message>
        <source>Volume (Ctrl+Up, Ctrl+Down)</source>
        <translation>音量（Ctrl+↑、Ctrl+↓）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Class by &amp;Number</source>
        <translation>番号でクラスを指定(&amp;N)</translation>
    </message>
    <message>
        <source>Heard or Seen</source>
        <translation>聞こえる/見える</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>レビュー(&amp;R)</translation>
    </message>
    <message>
        <source>Video &amp;Status</source>
        <translation>動画のステータス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Masks</source>
        <translation>マスク(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add Object…</source>
        <translation>オブジェクトを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Cannot open the annotations of %1: %2</source>
        <translation>%1 のアノテーションを開けません: %2</translation>
    </message>
    <message>
        <source>An edit could not be saved and the video was reloaded: %1</source>
        <translation>編集を保存できなかったため、動画を再読み込みしました: %1</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>クラスを変更するイベントを選択してください。</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>元に戻す(&amp;U): %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>やり直し(&amp;R): %1</translation>
    </message>
</context>
</TS>
