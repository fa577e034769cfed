<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>QObject</name>
    <message>
        <source>Earmark</source>
        <translation>Earmark</translation>
    </message>
    <message>
        <source>Cannot open the library.

%1</source>
        <translation>라이브러리를 열 수 없습니다.

%1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Evaluate Model Run…</source>
        <translation>모델 실행 평가(&amp;E)…</translation>
    </message>
    <message>
        <source>Score a model run&apos;s predictions against the confirmed annotations (AVVP, AVE and AVS benchmark metrics)</source>
        <translation>모델 실행의 예측을 확정된 주석과 비교해 채점합니다(AVVP, AVE, AVS 벤치마크 지표)</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>Audio events</source>
        <translation>오디오 이벤트</translation>
    </message>
    <message>
        <source>Visual events</source>
        <translation>시각 이벤트</translation>
    </message>
    <message>
        <source>Audio-visual events</source>
        <translation>시청각 이벤트</translation>
    </message>
    <message>
        <source>Clip labels</source>
        <translation>클립 레이블</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>오디오</translation>
    </message>
    <message>
        <source>visual</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>audio-visual</source>
        <translation>시청각</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>지정 안 됨</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>할 일</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>검토 완료</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisController</name>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>%1 %2 mask</source>
        <translation>%1: 마스크 %2개</translation>
    </message>
    <message>
        <source>%1 %2 masks</source>
        <translation>%1: 마스크 %2개</translation>
    </message>
    <message>
        <source>%1 %2 event</source>
        <translation>%1: 이벤트 %2개</translation>
    </message>
    <message>
        <source>%1 %2 events</source>
        <translation>%1: 이벤트 %2개</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>%1초 만에 완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisPanel</name>
    <message>
        <source>Model Packs…</source>
        <translation>모델 팩…</translation>
    </message>
    <message>
        <source>Analyze Video</source>
        <translation>동영상 분석</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>활성 모델 팩으로 열려 있는 동영상을 분석합니다</translation>
    </message>
    <message>
        <source>Analyze Videos…</source>
        <translation>여러 동영상 분석…</translation>
    </message>
    <message>
        <source>Choose videos, a range, a pack and tasks</source>
        <translation>동영상, 구간, 팩, 작업 선택</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>모두 취소</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>완료된 항목 지우기</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Pack: &lt;b&gt;%1&lt;/b&gt; %2 (%3) on %4</source>
        <translation>팩: &lt;b&gt;%1&lt;/b&gt; %2 (%3), %4에서 실행</translation>
    </message>
    <message>
        <source>No model pack installed: add one with Model Packs…</source>
        <translation>설치된 모델 팩이 없습니다. ‘모델 팩…’에서 추가하세요</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>이 분석 중지</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 (%2 사용)</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisUi</name>
    <message>
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>Analyze &amp;Open Video</source>
        <translation>열린 동영상 분석(&amp;O)</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>활성 모델 팩으로 열려 있는 동영상을 분석합니다</translation>
    </message>
    <message>
        <source>Analyze &amp;Videos…</source>
        <translation>여러 동영상 분석(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Model Packs…</source>
        <translation>모델 팩(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Cancel All Analyses</source>
        <translation>모든 분석 취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>분석(&amp;A)</translation>
    </message>
    <message>
        <source>Analysis of %1 failed: %2</source>
        <translation>%1 분석 실패: %2</translation>
    </message>
    <message>
        <source>Analysis of %1: %2</source>
        <translation>%1 분석: %2</translation>
    </message>
    <message>
        <source>New proposals for %1 are in the library</source>
        <translation>%1의 새 제안이 라이브러리에 추가되었습니다</translation>
    </message>
    <message>
        <source>Analyze &amp;New Videos</source>
        <translation>새 동영상 분석(&amp;N)</translation>
    </message>
    <message>
        <source>Run the active model pack over every video added to the library, in the background</source>
        <translation>라이브러리에 추가되는 모든 동영상을 활성 모델 팩으로 백그라운드에서 분석합니다</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Models on Accepted Annotations…</source>
        <translation>수락된 주석으로 모델 미세 조정(&amp;F)…</translation>
    </message>
    <message>
        <source>Retrain a model pack&apos;s heads on the annotations accepted in this library, as a new version of the pack</source>
        <translation>이 라이브러리에서 수락된 주석으로 모델 팩의 헤드를 다시 학습해 팩의 새 버전으로 저장합니다</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalyzeDialog</name>
    <message>
        <source>Analyze Videos</source>
        <translation>동영상 분석</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>모든 동영상</translation>
    </message>
    <message>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>end</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>팩:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>구간:</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>Videos:</source>
        <translation>동영상:</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>설치된 모델 팩이 없습니다.</translation>
    </message>
    <message>
        <source>Check the videos to analyse.</source>
        <translation>분석할 동영상을 선택하세요.</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>작업을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>Write times like 90, 1:30 or 0:01:30.5.</source>
        <translation>시간은 90, 1:30, 0:01:30.5 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>구간의 끝이 시작보다 앞에 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) will be analysed in the background.</source>
        <translation>
            <numerusform>동영상 %n개를 백그라운드에서 분석합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPanel</name>
    <message>
        <source>heard</source>
        <translation>들림</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>보임</translation>
    </message>
    <message>
        <source>heard and seen</source>
        <translation>들리고 보임</translation>
    </message>
    <message>
        <source>Clear the conversation about this video</source>
        <translation>이 동영상에 대한 대화 지우기</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Chat server, model and what is sent (Preferences › Chat)</source>
        <translation>채팅 서버, 모델, 전송할 내용(환경설정 › 채팅)</translation>
    </message>
    <message>
        <source>Ask about the video… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>동영상에 대해 질문… (Enter: 보내기, Shift+Enter: 줄 바꿈)</translation>
    </message>
    <message>
        <source>What the question is about: the frames and sound of this part are sent with it</source>
        <translation>질문 대상: 이 구간의 프레임과 소리가 질문과 함께 전송됩니다</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>About the whole video</source>
        <translation>동영상 전체에 대해</translation>
    </message>
    <message>
        <source>About the selection (%1)</source>
        <translation>선택 구간에 대해 (%1)</translation>
    </message>
    <message>
        <source>About the part in view (%1)</source>
        <translation>보이는 구간에 대해 (%1)</translation>
    </message>
    <message>
        <source>Clear the Conversation</source>
        <translation>대화 지우기</translation>
    </message>
    <message>
        <source>Remove all questions and answers about “%1” from the library?</source>
        <translation>‘%1’에 대한 모든 질문과 답변을 라이브러리에서 삭제할까요?</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>동영상을 읽는 중…</translation>
    </message>
    <message>
        <source>Waiting for %1 at %2…</source>
        <translation>%2의 %1 응답을 기다리는 중…</translation>
    </message>
    <message>
        <source>%1 is answering… (Esc stops)</source>
        <translation>%1 응답 중… (Esc: 중지)</translation>
    </message>
    <message>
        <source>Chat about %1</source>
        <translation>%1에 대한 채팅</translation>
    </message>
    <message>
        <source>Chat: open a video to ask about it</source>
        <translation>채팅: 질문하려면 동영상을 여세요</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>답변 중지 (Esc)</translation>
    </message>
    <message>
        <source>Send the question (Enter)</source>
        <translation>질문 보내기 (Enter)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>%1에 대해</translation>
    </message>
    <message>
        <source>about the whole video</source>
        <translation>동영상 전체에 대해</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>(stopped before the answer began)</source>
        <translation>(답변이 시작되기 전에 중지됨)</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(중지됨)</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>다시 질문</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>채팅 설정…</translation>
    </message>
    <message>
        <source>(the model gave no answer)</source>
        <translation>(모델이 답변하지 않았습니다)</translation>
    </message>
    <message>
        <source>Open a video to ask about what is heard and seen in it.</source>
        <translation>동영상을 열면 그 안에서 들리고 보이는 것에 대해 질문할 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>대화를 불러오는 중…</translation>
    </message>
    <message>
        <source>Ask about this video: “When does the dog start barking?”, “What does the man say?”. The model gets its frames and its sound; times in the answer are links to those moments.</source>
        <translation>이 동영상에 대해 질문하세요. 예: “개가 언제 짖기 시작하나요?”, “남자가 뭐라고 말하나요?” 모델은 동영상의 프레임과 소리를 받으며, 답변에 나오는 시간은 해당 장면으로 가는 링크가 됩니다.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPreferencesPage</name>
    <message>
        <source>The server&apos;s base URL, as OpenAI clients take it. Questions go to &lt;endpoint&gt;/chat/completions.</source>
        <translation>서버의 기본 URL(OpenAI 클라이언트와 같은 형식). 질문은 &lt;endpoint&gt;/chat/completions로 전송됩니다.</translation>
    </message>
    <message>
        <source>The name the server serves the model under</source>
        <translation>서버가 모델을 제공하는 이름</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>키 표시 또는 숨기기</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>엔드포인트(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 키(&amp;K):</translation>
    </message>
    <message>
        <source>The key is kept in your user settings, not in the library, and is never written to logs. $EARMARK_CHAT_API_KEY, when set, is used instead.</source>
        <translation>키는 라이브러리가 아닌 사용자 설정에 저장되며 로그에 기록되지 않습니다. $EARMARK_CHAT_API_KEY가 설정되어 있으면 그 값을 대신 사용합니다.</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 장/초</translation>
    </message>
    <message>
        <source>Longer clips get this many frames spread evenly over them</source>
        <translation>더 긴 클립에서는 이 개수만큼의 프레임을 고르게 나누어 보냅니다</translation>
    </message>
    <message>
        <source> pixels</source>
        <translation> 픽셀</translation>
    </message>
    <message>
        <source>Frames are scaled down so that their longer side fits</source>
        <translation>프레임은 긴 변이 이 크기에 맞도록 축소됩니다</translation>
    </message>
    <message>
        <source>Send &amp;frames</source>
        <translation>프레임 보내기(&amp;F)</translation>
    </message>
    <message>
        <source>Send the &amp;sound (16 kHz mono)</source>
        <translation>소리 보내기(16kHz 모노)(&amp;S)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <source>Longer videos are asked about a selection at a time</source>
        <translation>더 긴 동영상은 선택 구간 단위로 질문합니다</translation>
    </message>
    <message>
        <source>What is sent with a question</source>
        <translation>질문과 함께 보낼 내용</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>프레임:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>최대:</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>프레임 크기:</translation>
    </message>
    <message>
        <source>Longest clip:</source>
        <translation>최대 클립 길이:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long</source>
        <translation>서버가 이 시간 동안 아무것도 보내지 않으면 중단합니다</translation>
    </message>
    <message>
        <source>the server&apos;s limit</source>
        <translation>서버 한도</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 토큰</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>시간 제한:</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>최대 답변 길이:</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>%1에 모델 목록을 요청하는 중…</translation>
    </message>
    <message>
        <source>Connected. The server serves %1.</source>
        <translation>연결되었습니다. 서버가 %1 모델을 제공합니다.</translation>
    </message>
    <message>
        <source>Connected, but the server has no model named “%1”; it serves: %2.</source>
        <translation>연결되었지만 서버에 ‘%1’ 모델이 없습니다. 제공 모델: %2.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatSession</name>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>대화를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The question could not be saved: %1</source>
        <translation>질문을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The old answer could not be removed: %1</source>
        <translation>이전 답변을 삭제하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The question failed.</source>
        <translation>질문에 실패했습니다.</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>답변을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The conversation could not be cleared: %1</source>
        <translation>대화를 지우지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ClassPicker</name>
    <message>
        <source>Class (%1)</source>
        <translation>클래스 (%1)</translation>
    </message>
    <message>
        <source>Type to search classes</source>
        <translation>입력하여 클래스 검색</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EditorSession</name>
    <message>
        <source>Open a video first.</source>
        <translation>먼저 동영상을 여세요.</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>이벤트 추가</translation>
    </message>
    <message>
        <source>There is no track to draw into.</source>
        <translation>그릴 트랙이 없습니다.</translation>
    </message>
    <message>
        <source>Select an event under the playhead to split it.</source>
        <translation>분할하려면 재생 헤드 아래의 이벤트를 선택하세요.</translation>
    </message>
    <message>
        <source>Split event</source>
        <translation>이벤트 분할</translation>
    </message>
    <message numerus="yes">
        <source>Split %n events</source>
        <translation>
            <numerusform>이벤트 %n개 분할</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more events of one class to merge them.</source>
        <translation>병합하려면 같은 클래스의 이벤트를 두 개 이상 선택하세요.</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>클래스를 변경할 이벤트를 선택하세요.</translation>
    </message>
    <message>
        <source>No class has the number %1 in this track.</source>
        <translation>이 트랙에는 번호가 %1인 클래스가 없습니다.</translation>
    </message>
    <message>
        <source>Select the events to change whether they are heard or seen.</source>
        <translation>들리는지 보이는지를 변경할 이벤트를 선택하세요.</translation>
    </message>
    <message>
        <source>Select the proposals to accept (N selects the next one).</source>
        <translation>수락할 제안을 선택하세요(N: 다음 제안 선택).</translation>
    </message>
    <message>
        <source>Nothing to accept: the selection has no open proposals.</source>
        <translation>수락할 항목이 없습니다. 선택 항목에 미처리 제안이 없습니다.</translation>
    </message>
    <message>
        <source>Select the proposals to reject (N selects the next one).</source>
        <translation>거부할 제안을 선택하세요(N: 다음 제안 선택).</translation>
    </message>
    <message>
        <source>Nothing to reject: the selection has no proposals.</source>
        <translation>거부할 항목이 없습니다. 선택 항목에 제안이 없습니다.</translation>
    </message>
    <message>
        <source>No open proposal has a confidence of %1% or more.</source>
        <translation>신뢰도가 %1% 이상인 미처리 제안이 없습니다.</translation>
    </message>
    <message>
        <source>No open proposal has a confidence below %1%.</source>
        <translation>신뢰도가 %1% 미만인 미처리 제안이 없습니다.</translation>
    </message>
    <message>
        <source>No more open proposals after this one.</source>
        <translation>이후에 미처리 제안이 더 없습니다.</translation>
    </message>
    <message>
        <source>No open proposals before this one.</source>
        <translation>이전에 미처리 제안이 없습니다.</translation>
    </message>
    <message>
        <source>Select the events to copy.</source>
        <translation>복사할 이벤트를 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s).</source>
        <translation>
            <numerusform>이벤트 %n개를 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events to paste.</source>
        <translation>클립보드에 붙여넣을 이벤트가 없습니다.</translation>
    </message>
    <message>
        <source>The events on the clipboard cannot be read.</source>
        <translation>클립보드의 이벤트를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Paste events</source>
        <translation>이벤트 붙여넣기</translation>
    </message>
    <message>
        <source>There is no track to paste into.</source>
        <translation>붙여넣을 트랙이 없습니다.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EvaluationDialog</name>
    <message>
        <source>Evaluate Model Run</source>
        <translation>모델 실행 평가</translation>
    </message>
    <message>
        <source>AVVP: audio-visual video parsing (LLP F-scores)</source>
        <translation>AVVP: 시청각 비디오 파싱(LLP F-점수)</translation>
    </message>
    <message>
        <source>AVE: event localization (segment accuracy)</source>
        <translation>AVE: 이벤트 위치 추정(세그먼트 정확도)</translation>
    </message>
    <message>
        <source>AVS: sounding-object segmentation (mIoU, F-measure)</source>
        <translation>AVS: 소리 나는 객체 분할(mIoU, F-측도)</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> 프레임</translation>
    </message>
    <message>
        <source>AVSBench scores frames in batches (4 clips of 5 frames); the scores are means over batches, so they depend on the batch size.</source>
        <translation>AVSBench는 프레임을 배치 단위(5프레임 클립 4개)로 채점합니다. 점수는 배치별 평균이므로 배치 크기에 따라 달라집니다.</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>배치:</translation>
    </message>
    <message>
        <source>Model run:</source>
        <translation>모델 실행:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <source>Predictions are compared with the accepted and edited annotations of the same label set, on the videos the run analysed.</source>
        <translation>예측은 해당 실행에서 분석한 동영상에 대해 같은 레이블 세트의 수락·편집된 주석과 비교됩니다.</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>평가(&amp;E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>&amp;Copy Results</source>
        <translation>결과 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the scores as JSON</source>
        <translation>점수를 JSON으로 복사</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>라이브러리를 읽는 중…</translation>
    </message>
    <message>
        <source>No model runs yet</source>
        <translation>아직 모델 실행이 없습니다</translation>
    </message>
    <message>
        <source>This library has no model runs yet. Analyse videos with a model pack first; its predictions can then be scored here against the annotations you confirm.</source>
        <translation>이 라이브러리에는 아직 모델 실행이 없습니다. 먼저 모델 팩으로 동영상을 분석하세요. 그 예측을 확정한 주석과 비교해 여기에서 채점할 수 있습니다.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>평가 중…</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>오디오</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Audio-visual</source>
        <translation>시청각</translation>
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
        <translation>세그먼트 수준</translation>
    </message>
    <message>
        <source>Event level</source>
        <translation>이벤트 수준</translation>
    </message>
    <message numerus="yes">
        <source>F-scores in percent over %n 10-second windows</source>
        <translation>
            <numerusform>F-점수(%): 10초 창 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n videos (LLP&apos;s evaluation).</source>
        <translation>
            <numerusform>, 동영상 %n개 (LLP 평가 방식).</numerusform>
        </translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>세그먼트</translation>
    </message>
    <message numerus="yes">
        <source>Percent of %n 1-second segments</source>
        <translation>
            <numerusform>비율(%): 1초 세그먼트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n 10-second windows (AVE&apos;s evaluation).</source>
        <translation>
            <numerusform>, 10초 창 %n개 (AVE 평가 방식).</numerusform>
        </translation>
    </message>
    <message>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <source>F-measure</source>
        <translation>F-측도</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message numerus="yes">
        <source>Percent over %n frames</source>
        <translation>
            <numerusform>비율(%): 프레임 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n batches (AVSBench&apos;s evaluation).</source>
        <translation>
            <numerusform>, 배치 %n개 (AVSBench 평가 방식).</numerusform>
        </translation>
    </message>
    <message>
        <source>The evaluation did not finish: %1</source>
        <translation>평가를 완료하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::FinetuneDialog</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Events heard and seen (AVVP)</source>
        <translation>들리고 보이는 이벤트(AVVP)</translation>
    </message>
    <message>
        <source>Audio-visual events (AVE)</source>
        <translation>시청각 이벤트(AVE)</translation>
    </message>
    <message>
        <source>Sounding-object masks (AVS)</source>
        <translation>소리 나는 물체 마스크(AVS)</translation>
    </message>
    <message>
        <source>Fine-Tune Models</source>
        <translation>모델 미세 조정</translation>
    </message>
    <message>
        <source>Retrains the heads of a model pack on the annotations people accepted or corrected in this library (each annotated video counts as fully labelled). The result is a new version of the pack; the version it starts from stays installed and selectable.</source>
        <translation>이 라이브러리에서 수락되거나 수정된 주석으로 모델 팩의 헤드를 다시 학습합니다(주석이 있는 동영상은 모두 완전히 레이블된 것으로 봅니다). 결과는 팩의 새 버전이 되며, 시작한 버전도 설치된 채로 선택할 수 있습니다.</translation>
    </message>
    <message>
        <source>Passes over the labelled windows</source>
        <translation>레이블된 창을 학습하는 횟수</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune</source>
        <translation>미세 조정(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>활성화(&amp;M)</translation>
    </message>
    <message>
        <source>Analyse with the new version from now on</source>
        <translation>이제부터 새 버전으로 분석합니다</translation>
    </message>
    <message>
        <source>Open a library first: fine-tuning learns from its accepted annotations.</source>
        <translation>먼저 라이브러리를 여세요. 미세 조정은 그 라이브러리의 수락된 주석으로 학습합니다.</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>설치된 모델 팩이 없습니다.</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>시작 팩:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <source>Reading the accepted annotations…</source>
        <translation>수락된 주석을 읽는 중…</translation>
    </message>
    <message>
        <source>Getting the features of video %1 of %2: %3</source>
        <translation>동영상 %1/%2의 특징 가져오는 중: %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2, about %3 left</source>
        <translation>학습 중: 에포크 %1/%2, 약 %3 남음</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2</source>
        <translation>학습 중: 에포크 %1/%2</translation>
    </message>
    <message>
        <source>Writing the new version…</source>
        <translation>새 버전을 쓰는 중…</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>미세 조정에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Fine-tuning was cancelled; nothing was written.</source>
        <translation>미세 조정을 취소했습니다. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 of the pack is installed, made from version %2 with the accepted annotations of %n video(s) in %3.</source>
        <translation>
            <numerusform>팩 버전 %1을(를) 설치했습니다. 버전 %2에서 동영상 %n개의 수락된 주석으로 %3 동안 만들었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3 on the accepted annotations</source>
        <translation>%1: 수락된 주석에서 %2 → %3</translation>
    </message>
    <message>
        <source>The version you started from stays available in Analysis › Model Packs.</source>
        <translation>시작한 버전은 분석 › 모델 팩에서 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>%1 is now the active pack.</source>
        <translation>이제 %1이(가) 활성 팩입니다.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::LibraryPanel</name>
    <message>
        <source>Filter videos</source>
        <translation>동영상 필터</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Show only videos with this status</source>
        <translation>이 상태의 동영상만 표시</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
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
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 추가됨</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>라이브러리: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>동영상 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>재생/일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>다음 프레임(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation>이전 프레임(&amp;R)</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>5초 뒤로</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>5초 앞으로</translation>
    </message>
    <message>
        <source>View</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Show &amp;Whole File</source>
        <translation>파일 전체 보기(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>바로 가기 키(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Earmark</source>
        <translation>Earmark 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>시스템 설정 따르기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when Earmark starts again.</source>
        <translation>언어는 Earmark를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <source>%1 — Earmark</source>
        <translation>%1 — Earmark</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>동영상 열기</translation>
    </message>
    <message>
        <source>Media files (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>미디어 파일 (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>About Earmark</source>
        <translation>Earmark 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;Annotate what is heard and seen in videos.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;동영상에서 들리고 보이는 것에 주석을 답니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>채팅</translation>
    </message>
    <message>
        <source>&amp;Ask About the Video…</source>
        <translation>동영상에 대해 질문(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Spectrogram</source>
        <translation>스펙트로그램(&amp;S)</translation>
    </message>
    <message>
        <source>Show the spectrogram instead of the waveform</source>
        <translation>파형 대신 스펙트로그램 표시</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>스펙트로그램</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>파형</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Show pictures of the video above the waveform</source>
        <translation>파형 위에 동영상 이미지 표시</translation>
    </message>
    <message>
        <source>T&amp;humbnails</source>
        <translation>미리보기 이미지(&amp;H)</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskOverlay</name>
    <message>
        <source>Choose or add a mask object to paint.</source>
        <translation>칠할 마스크 객체를 선택하거나 추가하세요.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskPanel</name>
    <message>
        <source>Add object…</source>
        <translation>객체 추가…</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <source>Paint the selected object&apos;s mask on the frame shown (B)</source>
        <translation>표시된 프레임에 선택한 객체의 마스크 칠하기 (B)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>Erase from the selected object&apos;s mask on the frame shown (E)</source>
        <translation>표시된 프레임에서 선택한 객체의 마스크 지우기 (E)</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>윤곽선만</translation>
    </message>
    <message>
        <source>Show masks over the video</source>
        <translation>동영상 위에 마스크 표시</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>Correct the frame shown</source>
        <translation>표시된 프레임 수정</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Object %1</source>
        <translation>객체 %1</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>객체 추가</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PacksDialog</name>
    <message>
        <source>Licence:</source>
        <translation>라이선스:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>Cite:</source>
        <translation>인용:</translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation>창:</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>마스크</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>클래스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>오디오 %1Hz</translation>
    </message>
    <message>
        <source>%1 frames per window</source>
        <translation>창당 %1프레임</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1fps</translation>
    </message>
    <message>
        <source>, %1×%2 %3</source>
        <translation>, %1×%2 %3</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>측정값:</translation>
    </message>
    <message>
        <source>Model Packs</source>
        <translation>모델 팩</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>팩</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Install a model pack folder (one with a pack.json)</source>
        <translation>모델 팩 폴더(pack.json 포함)를 설치</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>사용(&amp;U)</translation>
    </message>
    <message>
        <source>Analyse with the selected pack from now on</source>
        <translation>이제부터 선택한 팩으로 분석</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (사용 중)</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model pack is installed.&lt;/p&gt;&lt;p&gt;A model pack is a folder with a &lt;code&gt;pack.json&lt;/code&gt; manifest and the model files it lists. Choose &lt;b&gt;Add…&lt;/b&gt; to install one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;설치된 모델 팩이 없습니다.&lt;/p&gt;&lt;p&gt;모델 팩은 &lt;code&gt;pack.json&lt;/code&gt; 매니페스트와 거기에 나열된 모델 파일이 들어 있는 폴더입니다. 설치하려면 &lt;b&gt;추가…&lt;/b&gt;를 선택하세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Model Pack</source>
        <translation>모델 팩 추가</translation>
    </message>
    <message>
        <source>Checking and installing %1…</source>
        <translation>%1 확인 및 설치 중…</translation>
    </message>
    <message>
        <source>The pack was not added.

%1</source>
        <translation>팩을 추가하지 못했습니다.

%1</translation>
    </message>
    <message>
        <source>Installed %1 %2.</source>
        <translation>%1 %2 설치 완료.</translation>
    </message>
    <message>
        <source>Remove Model Pack</source>
        <translation>모델 팩 제거</translation>
    </message>
    <message>
        <source>Remove %1 %2 from this computer? Proposals it made stay in your libraries.</source>
        <translation>이 컴퓨터에서 %1 %2을(를) 제거할까요? 이 팩이 만든 제안은 라이브러리에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>%1 s windows, %2 s segments</source>
        <translation>%1초 창, %2초 세그먼트</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PlayerWidget</name>
    <message>
        <source>Previous frame (,)</source>
        <translation>이전 프레임 (,)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>재생 (Space)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>다음 프레임 (.)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>%1을(를) 재생할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot show the frames of %1: %2</source>
        <translation>%1의 프레임을 표시할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>A small copy of the video made for seeking: once it is ready, any frame shows at once. It is kept in the library&apos;s cache folder.</source>
        <translation>탐색용으로 만든 동영상의 작은 사본입니다. 준비되면 어떤 프레임이든 바로 표시됩니다. 라이브러리의 캐시 폴더에 보관됩니다.</translation>
    </message>
    <message>
        <source>Preparing fast seeking… %1%</source>
        <translation>빠른 탐색 준비 중… %1%</translation>
    </message>
    <message>
        <source>Fast seeking unavailable</source>
        <translation>빠른 탐색을 사용할 수 없음</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
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
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Select the previous open proposal (Shift+N)</source>
        <translation>이전 미처리 제안 선택 (Shift+N)</translation>
    </message>
    <message>
        <source>Select the next open proposal (N)</source>
        <translation>다음 미처리 제안 선택 (N)</translation>
    </message>
    <message>
        <source>Accept the selected proposals (A)</source>
        <translation>선택한 제안 수락 (A)</translation>
    </message>
    <message>
        <source>Reject the selected proposals (R)</source>
        <translation>선택한 제안 거부 (R)</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>임계값 이상 수락</translation>
    </message>
    <message>
        <source>Reject all below</source>
        <translation>임계값 미만 거부</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Model proposals</source>
        <translation>모델 제안</translation>
    </message>
    <message>
        <source>By confidence</source>
        <translation>신뢰도 기준</translation>
    </message>
    <message>
        <source>No model proposals for this video yet.</source>
        <translation>이 동영상에는 아직 모델 제안이 없습니다.</translation>
    </message>
    <message>
        <source>%1 open · %2 accepted · %3 rejected</source>
        <translation>미처리 %1 · 수락 %2 · 거부 %3</translation>
    </message>
    <message>
        <source>%1 open at or above %2 %, %3 below</source>
        <translation>%2% 이상 미처리 %1개, 미만 %3개</translation>
    </message>
    <message>
        <source>Accept %1 ≥ %2 %</source>
        <translation>%2% 이상 %1개 수락</translation>
    </message>
    <message>
        <source>Reject %1 &lt; %2 %</source>
        <translation>%2% 미만 %1개 거부</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>바로 가기 키</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>명령과 키 검색</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>키:</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>모두 초기화</translation>
    </message>
    <message>
        <source>%1 is also used by: %2. Only one of them will respond.</source>
        <translation>%1 키는 다음에서도 사용됩니다: %2. 이 중 하나만 동작합니다.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::SpectrogramView</name>
    <message>
        <source>No spectrogram: %1</source>
        <translation>스펙트로그램 없음: %1</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>스펙트로그램 계산 중…</translation>
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
        <translation>동영상을 열면 타임라인이 표시됩니다</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio event</source>
        <translation>여기를 드래그하여 새 오디오 이벤트 표시</translation>
    </message>
    <message>
        <source>Drag here to mark a new visual event</source>
        <translation>여기를 드래그하여 새 시각 이벤트 표시</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio-visual event</source>
        <translation>여기를 드래그하여 새 시청각 이벤트 표시</translation>
    </message>
    <message>
        <source>Drag here to add a clip label</source>
        <translation>여기를 드래그하여 클립 레이블 추가</translation>
    </message>
    <message>
        <source>%1 · event localization</source>
        <translation>%1 · 이벤트 위치 추정</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 open</source>
        <translation>%1 · 미처리 %2</translation>
    </message>
    <message>
        <source>Model proposal, %1 (confidence %2%)</source>
        <translation>모델 제안, %1 (신뢰도 %2%)</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>작성자: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::TransportController</name>
    <message>
        <source>Playback speed %1×</source>
        <translation>재생 속도 %1×</translation>
    </message>
    <message>
        <source>Select the events to loop over.</source>
        <translation>반복 재생할 이벤트를 선택하세요.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryModel</name>
    <message>
        <source>Opened</source>
        <translation>열었을 때</translation>
    </message>
    <message>
        <source>The video as it was opened</source>
        <translation>열었을 때의 동영상</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryPanel</name>
    <message>
        <source>Click an entry to go back to it. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>항목을 클릭하면 그 시점으로 돌아갑니다. Ctrl+Z: 실행 취소, Ctrl+Shift+Z: 다시 실행.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::VideoView</name>
    <message>
        <source>No video</source>
        <translation>동영상 없음</translation>
    </message>
</context>
<context>
    <name>earmark::ui::WaveformView</name>
    <message>
        <source>No waveform: %1</source>
        <translation>파형 없음: %1</translation>
    </message>
    <message>
        <source>Reading audio…</source>
        <translation>오디오를 읽는 중…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::Workbench</name>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>검토</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>마스크</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t Events</source>
        <translation>이벤트 잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Events</source>
        <translation>이벤트 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste Events at Playhead</source>
        <translation>재생 헤드 위치에 이벤트 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete Events</source>
        <translation>이벤트 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All Events</source>
        <translation>모든 이벤트 선택(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;eselect</source>
        <translation>선택 해제(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Split at Playhead</source>
        <translation>재생 헤드 위치에서 분할(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge Events</source>
        <translation>이벤트 병합(&amp;M)</translation>
    </message>
    <message>
        <source>Change C&amp;lass…</source>
        <translation>클래스 변경(&amp;L)…</translation>
    </message>
    <message>
        <source>Set Class Number %1</source>
        <translation>클래스 번호 %1 지정</translation>
    </message>
    <message>
        <source>Mark as &amp;Heard (Audio)</source>
        <translation>들림으로 표시(오디오)(&amp;H)</translation>
    </message>
    <message>
        <source>Mark as &amp;Seen (Visual)</source>
        <translation>보임으로 표시(시각)(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as Heard and Seen (Audio-&amp;Visual)</source>
        <translation>들림 및 보임으로 표시(시청각)(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;Track…</source>
        <translation>트랙 추가(&amp;T)…</translation>
    </message>
    <message>
        <source>Add Track</source>
        <translation>트랙 추가</translation>
    </message>
    <message>
        <source>Label set of the new track:</source>
        <translation>새 트랙의 레이블 세트:</translation>
    </message>
    <message>
        <source>Name of the new track:</source>
        <translation>새 트랙 이름:</translation>
    </message>
    <message>
        <source>&amp;Accept Proposal</source>
        <translation>제안 수락(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject Proposal</source>
        <translation>제안 거부(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>다음 제안(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>이전 제안(&amp;P)</translation>
    </message>
    <message>
        <source>Accept All &amp;Above Threshold</source>
        <translation>임계값 이상 모두 수락(&amp;A)</translation>
    </message>
    <message>
        <source>Reject All &amp;Below Threshold</source>
        <translation>임계값 미만 모두 거부(&amp;B)</translation>
    </message>
    <message>
        <source>Mark Video “%1”</source>
        <translation>동영상을 ‘%1’(으)로 표시</translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation>셔틀 역방향(&amp;B)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Stop</source>
        <translation>셔틀 정지(&amp;S)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation>셔틀 정방향(&amp;F)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;Start</source>
        <translation>이벤트 시작으로 이동(&amp;S)</translation>
    </message>
    <message>
        <source>Jump to Event &amp;End</source>
        <translation>이벤트 끝으로 이동(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation>선택 구간 반복(&amp;L)</translation>
    </message>
    <message>
        <source>Fas&amp;ter</source>
        <translation>빠르게(&amp;T)</translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation>느리게(&amp;W)</translation>
    </message>
    <message>
        <source>N&amp;ormal Speed</source>
        <translation>보통 속도(&amp;O)</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>볼륨 높이기(&amp;U)</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>볼륨 낮추기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>음소거(&amp;M)</translation>
    </message>
    <message>
        <source>Mask &amp;Brush</source>
        <translation>마스크 브러시(&amp;B)</translation>
    </message>
    <message>
        <source>Mask &amp;Eraser</source>
        <translation>마스크 지우개(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Show Masks</source>
        <translation>마스크 표시(&amp;S)</translation>
    </message>
    <message>
        <source>Masks as &amp;Outlines</source>
        <translation>마스크를 윤곽선으로 표시(&amp;O)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>Playback speed (&lt; slower, &gt; faster); the pitch stays</source>
        <translation>재생 속도(&lt;: 느리게, &gt;: 빠르게). 음높이는 유지됩니다</translation>
    </message>
    <message>
        <source>Volume (Ctrl+Up, Ctrl+Down)</source>
        <translation>볼륨 (Ctrl+↑, Ctrl+↓)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>Class by &amp;Number</source>
        <translation>번호로 클래스 지정(&amp;N)</translation>
    </message>
    <message>
        <source>Heard or Seen</source>
        <translation>들림 또는 보임</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>검토(&amp;R)</translation>
    </message>
    <message>
        <source>Video &amp;Status</source>
        <translation>동영상 상태(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Masks</source>
        <translation>마스크(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Add Object…</source>
        <translation>객체 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Cannot open the annotations of %1: %2</source>
        <translation>%1의 주석을 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>An edit could not be saved and the video was reloaded: %1</source>
        <translation>편집 내용을 저장하지 못해 동영상을 다시 불러왔습니다: %1</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>클래스를 변경할 이벤트를 선택하세요.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>실행 취소(&amp;U): %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>다시 실행(&amp;R): %1</translation>
    </message>
</context>
</TS>
