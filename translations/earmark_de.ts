<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Earmark</source>
        <translation>Earmark</translation>
    </message>
    <message>
        <source>Cannot open the library.

%1</source>
        <translation>Die Bibliothek kann nicht geöffnet werden.

%1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Evaluate Model Run…</source>
        <translation>Modelllauf &amp;auswerten…</translation>
    </message>
    <message>
        <source>Score a model run&apos;s predictions against the confirmed annotations (AVVP, AVE and AVS benchmark metrics)</source>
        <translation>Die Vorhersagen eines Modelllaufs mit den bestätigten Annotationen vergleichen (Benchmark-Metriken für AVVP, AVE und AVS)</translation>
    </message>
</context>
<context>
    <name>TimelineStyle</name>
    <message>
        <source>Audio events</source>
        <translation>Audio-Ereignisse</translation>
    </message>
    <message>
        <source>Visual events</source>
        <translation>Visuelle Ereignisse</translation>
    </message>
    <message>
        <source>Audio-visual events</source>
        <translation>Audiovisuelle Ereignisse</translation>
    </message>
    <message>
        <source>Clip labels</source>
        <translation>Clip-Labels</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>visual</source>
        <translation>visuell</translation>
    </message>
    <message>
        <source>audio-visual</source>
        <translation>audiovisuell</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisController</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 %2 mask</source>
        <translation>%1: %2 Maske</translation>
    </message>
    <message>
        <source>%1 %2 masks</source>
        <translation>%1: %2 Masken</translation>
    </message>
    <message>
        <source>%1 %2 event</source>
        <translation>%1: %2 Ereignis</translation>
    </message>
    <message>
        <source>%1 %2 events</source>
        <translation>%1: %2 Ereignisse</translation>
    </message>
    <message>
        <source>Done in %1 s</source>
        <translation>Fertig in %1 s</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisPanel</name>
    <message>
        <source>Model Packs…</source>
        <translation>Modellpakete…</translation>
    </message>
    <message>
        <source>Analyze Video</source>
        <translation>Video analysieren</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>Das aktive Modellpaket auf das geöffnete Video anwenden</translation>
    </message>
    <message>
        <source>Analyze Videos…</source>
        <translation>Videos analysieren…</translation>
    </message>
    <message>
        <source>Choose videos, a range, a pack and tasks</source>
        <translation>Videos, Bereich, Paket und Aufgaben wählen</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Pack: &lt;b&gt;%1&lt;/b&gt; %2 (%3) on %4</source>
        <translation>Paket: &lt;b&gt;%1&lt;/b&gt; %2 (%3) auf %4</translation>
    </message>
    <message>
        <source>No model pack installed: add one with Model Packs…</source>
        <translation>Kein Modellpaket installiert: unter „Modellpakete…“ hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this analysis</source>
        <translation>Diese Analyse anhalten</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalysisUi</name>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Analyze &amp;Open Video</source>
        <translation>&amp;Geöffnetes Video analysieren</translation>
    </message>
    <message>
        <source>Run the active model pack over the open video</source>
        <translation>Das aktive Modellpaket auf das geöffnete Video anwenden</translation>
    </message>
    <message>
        <source>Analyze &amp;Videos…</source>
        <translation>&amp;Videos analysieren…</translation>
    </message>
    <message>
        <source>&amp;Model Packs…</source>
        <translation>&amp;Modellpakete…</translation>
    </message>
    <message>
        <source>&amp;Cancel All Analyses</source>
        <translation>Alle Analysen a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>Anal&amp;yse</translation>
    </message>
    <message>
        <source>Analysis of %1 failed: %2</source>
        <translation>Analyse von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Analysis of %1: %2</source>
        <translation>Analyse von %1: %2</translation>
    </message>
    <message>
        <source>New proposals for %1 are in the library</source>
        <translation>Neue Vorschläge für %1 sind in der Bibliothek</translation>
    </message>
    <message>
        <source>Analyze &amp;New Videos</source>
        <translation>&amp;Neue Videos analysieren</translation>
    </message>
    <message>
        <source>Run the active model pack over every video added to the library, in the background</source>
        <translation>Jedes Video, das der Bibliothek hinzugefügt wird, im Hintergrund mit dem aktiven Modellpaket analysieren</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune Models on Accepted Annotations…</source>
        <translation>Modelle an angenommenen Annotationen &amp;feinabstimmen…</translation>
    </message>
    <message>
        <source>Retrain a model pack&apos;s heads on the annotations accepted in this library, as a new version of the pack</source>
        <translation>Die Köpfe eines Modellpakets an den in dieser Bibliothek angenommenen Annotationen neu trainieren, als neue Version des Pakets</translation>
    </message>
</context>
<context>
    <name>earmark::ui::AnalyzeDialog</name>
    <message>
        <source>Analyze Videos</source>
        <translation>Videos analysieren</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>Alle Videos</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Pack:</source>
        <translation>Paket:</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>Aufgaben:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Videos:</source>
        <translation>Videos:</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>Es ist kein Modellpaket installiert.</translation>
    </message>
    <message>
        <source>Check the videos to analyse.</source>
        <translation>Markieren Sie die zu analysierenden Videos.</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>Wählen Sie mindestens eine Aufgabe.</translation>
    </message>
    <message>
        <source>Write times like 90, 1:30 or 0:01:30.5.</source>
        <translation>Zeiten bitte so angeben: 90, 1:30 oder 0:01:30.5.</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Der Bereich endet vor seinem Anfang.</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) will be analysed in the background.</source>
        <translation>
            <numerusform>%n Video wird im Hintergrund analysiert.</numerusform>
            <numerusform>%n Videos werden im Hintergrund analysiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPanel</name>
    <message>
        <source>heard</source>
        <translation>gehört</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <source>heard and seen</source>
        <translation>gehört und gesehen</translation>
    </message>
    <message>
        <source>Clear the conversation about this video</source>
        <translation>Die Unterhaltung zu diesem Video löschen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Chat server, model and what is sent (Preferences › Chat)</source>
        <translation>Chat-Server, Modell und was gesendet wird (Einstellungen › Chat)</translation>
    </message>
    <message>
        <source>Ask about the video… (Enter sends, Shift+Enter starts a new line)</source>
        <translation>Frage zum Video… (Enter sendet, Umschalt+Enter beginnt eine neue Zeile)</translation>
    </message>
    <message>
        <source>What the question is about: the frames and sound of this part are sent with it</source>
        <translation>Worauf sich die Frage bezieht: Bilder und Ton dieses Abschnitts werden mitgesendet</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>About the whole video</source>
        <translation>Zum ganzen Video</translation>
    </message>
    <message>
        <source>About the selection (%1)</source>
        <translation>Zur Auswahl (%1)</translation>
    </message>
    <message>
        <source>About the part in view (%1)</source>
        <translation>Zum sichtbaren Abschnitt (%1)</translation>
    </message>
    <message>
        <source>Clear the Conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Remove all questions and answers about “%1” from the library?</source>
        <translation>Alle Fragen und Antworten zu „%1“ aus der Bibliothek entfernen?</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>Video wird gelesen…</translation>
    </message>
    <message>
        <source>Waiting for %1 at %2…</source>
        <translation>Warte auf %1 bei %2…</translation>
    </message>
    <message>
        <source>%1 is answering… (Esc stops)</source>
        <translation>%1 antwortet… (Esc hält an)</translation>
    </message>
    <message>
        <source>Chat about %1</source>
        <translation>Chat zu %1</translation>
    </message>
    <message>
        <source>Chat: open a video to ask about it</source>
        <translation>Chat: Öffnen Sie ein Video, um Fragen dazu zu stellen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Send the question (Enter)</source>
        <translation>Frage senden (Enter)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>zu %1</translation>
    </message>
    <message>
        <source>about the whole video</source>
        <translation>zum ganzen Video</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>(stopped before the answer began)</source>
        <translation>(vor Beginn der Antwort angehalten)</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(angehalten)</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>Erneut fragen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Chat settings…</source>
        <translation>Chat-Einstellungen…</translation>
    </message>
    <message>
        <source>(the model gave no answer)</source>
        <translation>(das Modell hat nicht geantwortet)</translation>
    </message>
    <message>
        <source>Open a video to ask about what is heard and seen in it.</source>
        <translation>Öffnen Sie ein Video, um zu fragen, was darin zu hören und zu sehen ist.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Unterhaltung wird geladen…</translation>
    </message>
    <message>
        <source>Ask about this video: “When does the dog start barking?”, “What does the man say?”. The model gets its frames and its sound; times in the answer are links to those moments.</source>
        <translation>Fragen Sie zu diesem Video: „Wann beginnt der Hund zu bellen?“, „Was sagt der Mann?“. Das Modell erhält seine Bilder und seinen Ton; Zeitangaben in der Antwort sind Links zu diesen Stellen.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatPreferencesPage</name>
    <message>
        <source>The server&apos;s base URL, as OpenAI clients take it. Questions go to &lt;endpoint&gt;/chat/completions.</source>
        <translation>Die Basis-URL des Servers, wie OpenAI-Clients sie erwarten. Fragen gehen an &lt;endpoint&gt;/chat/completions.</translation>
    </message>
    <message>
        <source>The name the server serves the model under</source>
        <translation>Der Name, unter dem der Server das Modell anbietet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Schlüssel anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>The key is kept in your user settings, not in the library, and is never written to logs. $EARMARK_CHAT_API_KEY, when set, is used instead.</source>
        <translation>Der Schlüssel wird in Ihren Benutzereinstellungen gespeichert, nicht in der Bibliothek, und nie in Protokolle geschrieben. Ist $EARMARK_CHAT_API_KEY gesetzt, wird stattdessen dieser Wert verwendet.</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source>Longer clips get this many frames spread evenly over them</source>
        <translation>Längere Clips erhalten so viele Bilder, gleichmäßig über ihre Länge verteilt</translation>
    </message>
    <message>
        <source> pixels</source>
        <translation> Pixel</translation>
    </message>
    <message>
        <source>Frames are scaled down so that their longer side fits</source>
        <translation>Bilder werden verkleinert, bis ihre längere Seite hineinpasst</translation>
    </message>
    <message>
        <source>Send &amp;frames</source>
        <translation>&amp;Bilder senden</translation>
    </message>
    <message>
        <source>Send the &amp;sound (16 kHz mono)</source>
        <translation>&amp;Ton senden (16 kHz mono)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Longer videos are asked about a selection at a time</source>
        <translation>Zu längeren Videos wird jeweils nur zu einer Auswahl gefragt</translation>
    </message>
    <message>
        <source>What is sent with a question</source>
        <translation>Was mit einer Frage gesendet wird</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Bilder:</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Höchstens:</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>Bildgröße:</translation>
    </message>
    <message>
        <source>Longest clip:</source>
        <translation>Längster Clip:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Give up when the server sends nothing for this long</source>
        <translation>Abbrechen, wenn der Server so lange nichts sendet</translation>
    </message>
    <message>
        <source>the server&apos;s limit</source>
        <translation>Limit des Servers</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Longest answer:</source>
        <translation>Längste Antwort:</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>%1 wird nach seinen Modellen gefragt…</translation>
    </message>
    <message>
        <source>Connected. The server serves %1.</source>
        <translation>Verbunden. Der Server bietet %1 an.</translation>
    </message>
    <message>
        <source>Connected, but the server has no model named “%1”; it serves: %2.</source>
        <translation>Verbunden, aber der Server hat kein Modell namens „%1“; er bietet an: %2.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ChatSession</name>
    <message>
        <source>Cannot read the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The question could not be saved: %1</source>
        <translation>Die Frage konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The old answer could not be removed: %1</source>
        <translation>Die alte Antwort konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The question failed.</source>
        <translation>Die Frage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>Die Antwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The conversation could not be cleared: %1</source>
        <translation>Die Unterhaltung konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ClassPicker</name>
    <message>
        <source>Class (%1)</source>
        <translation>Klasse (%1)</translation>
    </message>
    <message>
        <source>Type to search classes</source>
        <translation>Tippen, um Klassen zu suchen</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EditorSession</name>
    <message>
        <source>Open a video first.</source>
        <translation>Öffnen Sie zuerst ein Video.</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Ereignis hinzufügen</translation>
    </message>
    <message>
        <source>There is no track to draw into.</source>
        <translation>Es gibt keine Spur, in die gezeichnet werden kann.</translation>
    </message>
    <message>
        <source>Select an event under the playhead to split it.</source>
        <translation>Wählen Sie ein Ereignis unter dem Abspielkopf, um es zu teilen.</translation>
    </message>
    <message>
        <source>Split event</source>
        <translation>Ereignis teilen</translation>
    </message>
    <message numerus="yes">
        <source>Split %n events</source>
        <translation>
            <numerusform>%n Ereignis teilen</numerusform>
            <numerusform>%n Ereignisse teilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more events of one class to merge them.</source>
        <translation>Wählen Sie zwei oder mehr Ereignisse derselben Klasse, um sie zusammenzuführen.</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>Wählen Sie die Ereignisse, deren Klasse geändert werden soll.</translation>
    </message>
    <message>
        <source>No class has the number %1 in this track.</source>
        <translation>In dieser Spur hat keine Klasse die Nummer %1.</translation>
    </message>
    <message>
        <source>Select the events to change whether they are heard or seen.</source>
        <translation>Wählen Sie die Ereignisse, bei denen Sie ändern möchten, ob sie gehört oder gesehen werden.</translation>
    </message>
    <message>
        <source>Select the proposals to accept (N selects the next one).</source>
        <translation>Wählen Sie die anzunehmenden Vorschläge (N wählt den nächsten).</translation>
    </message>
    <message>
        <source>Nothing to accept: the selection has no open proposals.</source>
        <translation>Nichts anzunehmen: Die Auswahl enthält keine offenen Vorschläge.</translation>
    </message>
    <message>
        <source>Select the proposals to reject (N selects the next one).</source>
        <translation>Wählen Sie die abzulehnenden Vorschläge (N wählt den nächsten).</translation>
    </message>
    <message>
        <source>Nothing to reject: the selection has no proposals.</source>
        <translation>Nichts abzulehnen: Die Auswahl enthält keine Vorschläge.</translation>
    </message>
    <message>
        <source>No open proposal has a confidence of %1% or more.</source>
        <translation>Kein offener Vorschlag hat eine Konfidenz von %1 % oder mehr.</translation>
    </message>
    <message>
        <source>No open proposal has a confidence below %1%.</source>
        <translation>Kein offener Vorschlag hat eine Konfidenz unter %1 %.</translation>
    </message>
    <message>
        <source>No more open proposals after this one.</source>
        <translation>Nach diesem gibt es keine offenen Vorschläge mehr.</translation>
    </message>
    <message>
        <source>No open proposals before this one.</source>
        <translation>Vor diesem gibt es keine offenen Vorschläge.</translation>
    </message>
    <message>
        <source>Select the events to copy.</source>
        <translation>Wählen Sie die zu kopierenden Ereignisse.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s).</source>
        <translation>
            <numerusform>%n Ereignis kopiert.</numerusform>
            <numerusform>%n Ereignisse kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no events to paste.</source>
        <translation>Die Zwischenablage enthält keine Ereignisse zum Einfügen.</translation>
    </message>
    <message>
        <source>The events on the clipboard cannot be read.</source>
        <translation>Die Ereignisse in der Zwischenablage können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Paste events</source>
        <translation>Ereignisse einfügen</translation>
    </message>
    <message>
        <source>There is no track to paste into.</source>
        <translation>Es gibt keine Spur zum Einfügen.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::EvaluationDialog</name>
    <message>
        <source>Evaluate Model Run</source>
        <translation>Modelllauf auswerten</translation>
    </message>
    <message>
        <source>AVVP: audio-visual video parsing (LLP F-scores)</source>
        <translation>AVVP: audiovisuelles Video-Parsing (LLP-F-Werte)</translation>
    </message>
    <message>
        <source>AVE: event localization (segment accuracy)</source>
        <translation>AVE: Ereignislokalisierung (Segmentgenauigkeit)</translation>
    </message>
    <message>
        <source>AVS: sounding-object segmentation (mIoU, F-measure)</source>
        <translation>AVS: Segmentierung klingender Objekte (mIoU, F-Maß)</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> Frames</translation>
    </message>
    <message>
        <source>AVSBench scores frames in batches (4 clips of 5 frames); the scores are means over batches, so they depend on the batch size.</source>
        <translation>AVSBench bewertet Frames in Batches (4 Clips zu je 5 Frames); die Werte sind Mittelwerte über die Batches und hängen daher von der Batchgröße ab.</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Model run:</source>
        <translation>Modelllauf:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Predictions are compared with the accepted and edited annotations of the same label set, on the videos the run analysed.</source>
        <translation>Die Vorhersagen werden auf den vom Lauf analysierten Videos mit den angenommenen und bearbeiteten Annotationen desselben Labelsatzes verglichen.</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;Copy Results</source>
        <translation>Ergebnisse &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the scores as JSON</source>
        <translation>Die Werte als JSON kopieren</translation>
    </message>
    <message>
        <source>Reading the library…</source>
        <translation>Bibliothek wird gelesen…</translation>
    </message>
    <message>
        <source>No model runs yet</source>
        <translation>Noch keine Modellläufe</translation>
    </message>
    <message>
        <source>This library has no model runs yet. Analyse videos with a model pack first; its predictions can then be scored here against the annotations you confirm.</source>
        <translation>Diese Bibliothek enthält noch keine Modellläufe. Analysieren Sie zuerst Videos mit einem Modellpaket; seine Vorhersagen können dann hier mit den von Ihnen bestätigten Annotationen verglichen werden.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet…</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>Visuell</translation>
    </message>
    <message>
        <source>Audio-visual</source>
        <translation>Audiovisuell</translation>
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
        <translation>Segmentebene</translation>
    </message>
    <message>
        <source>Event level</source>
        <translation>Ereignisebene</translation>
    </message>
    <message numerus="yes">
        <source>F-scores in percent over %n 10-second windows</source>
        <translation>
            <numerusform>F-Werte in Prozent über %n 10-Sekunden-Fenster</numerusform>
            <numerusform>F-Werte in Prozent über %n 10-Sekunden-Fenster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n videos (LLP&apos;s evaluation).</source>
        <translation>
            <numerusform> aus %n Video (LLP-Auswertung).</numerusform>
            <numerusform> aus %n Videos (LLP-Auswertung).</numerusform>
        </translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message numerus="yes">
        <source>Percent of %n 1-second segments</source>
        <translation>
            <numerusform>Prozent von %n 1-Sekunden-Segment</numerusform>
            <numerusform>Prozent von %n 1-Sekunden-Segmenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n 10-second windows (AVE&apos;s evaluation).</source>
        <translation>
            <numerusform> in %n 10-Sekunden-Fenster (AVE-Auswertung).</numerusform>
            <numerusform> in %n 10-Sekunden-Fenstern (AVE-Auswertung).</numerusform>
        </translation>
    </message>
    <message>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <source>F-measure</source>
        <translation>F-Maß</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message numerus="yes">
        <source>Percent over %n frames</source>
        <translation>
            <numerusform>Prozent über %n Frame</numerusform>
            <numerusform>Prozent über %n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> in %n batches (AVSBench&apos;s evaluation).</source>
        <translation>
            <numerusform> in %n Batch (AVSBench-Auswertung).</numerusform>
            <numerusform> in %n Batches (AVSBench-Auswertung).</numerusform>
        </translation>
    </message>
    <message>
        <source>The evaluation did not finish: %1</source>
        <translation>Die Auswertung wurde nicht abgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::FinetuneDialog</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Events heard and seen (AVVP)</source>
        <translation>Gehörte und gesehene Ereignisse (AVVP)</translation>
    </message>
    <message>
        <source>Audio-visual events (AVE)</source>
        <translation>Audiovisuelle Ereignisse (AVE)</translation>
    </message>
    <message>
        <source>Sounding-object masks (AVS)</source>
        <translation>Masken der klingenden Objekte (AVS)</translation>
    </message>
    <message>
        <source>Fine-Tune Models</source>
        <translation>Modelle feinabstimmen</translation>
    </message>
    <message>
        <source>Retrains the heads of a model pack on the annotations people accepted or corrected in this library (each annotated video counts as fully labelled). The result is a new version of the pack; the version it starts from stays installed and selectable.</source>
        <translation>Trainiert die Köpfe eines Modellpakets neu an den Annotationen, die in dieser Bibliothek angenommen oder korrigiert wurden (jedes annotierte Video gilt als vollständig beschriftet). Das Ergebnis ist eine neue Version des Pakets; die Ausgangsversion bleibt installiert und auswählbar.</translation>
    </message>
    <message>
        <source>Passes over the labelled windows</source>
        <translation>Durchläufe über die beschrifteten Fenster</translation>
    </message>
    <message>
        <source>&amp;Fine-Tune</source>
        <translation>&amp;Feinabstimmen</translation>
    </message>
    <message>
        <source>&amp;Make Active</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Analyse with the new version from now on</source>
        <translation>Ab jetzt mit der neuen Version analysieren</translation>
    </message>
    <message>
        <source>Open a library first: fine-tuning learns from its accepted annotations.</source>
        <translation>Öffnen Sie zuerst eine Bibliothek: Die Feinabstimmung lernt aus ihren angenommenen Annotationen.</translation>
    </message>
    <message>
        <source>No model pack is installed.</source>
        <translation>Es ist kein Modellpaket installiert.</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Ausgangspaket:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Reading the accepted annotations…</source>
        <translation>Angenommene Annotationen werden gelesen…</translation>
    </message>
    <message>
        <source>Getting the features of video %1 of %2: %3</source>
        <translation>Merkmale von Video %1 von %2: %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2, about %3 left</source>
        <translation>Training: Epoche %1 von %2, noch etwa %3</translation>
    </message>
    <message>
        <source>Training: epoch %1 of %2</source>
        <translation>Training: Epoche %1 von %2</translation>
    </message>
    <message>
        <source>Writing the new version…</source>
        <translation>Neue Version wird geschrieben…</translation>
    </message>
    <message>
        <source>Fine-tuning failed: %1</source>
        <translation>Die Feinabstimmung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Fine-tuning was cancelled; nothing was written.</source>
        <translation>Die Feinabstimmung wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 of the pack is installed, made from version %2 with the accepted annotations of %n video(s) in %3.</source>
        <translation>
            <numerusform>Version %1 des Pakets ist installiert, erstellt aus Version %2 mit den angenommenen Annotationen von %n Video in %3.</numerusform>
            <numerusform>Version %1 des Pakets ist installiert, erstellt aus Version %2 mit den angenommenen Annotationen von %n Videos in %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3 on the accepted annotations</source>
        <translation>%1: %2 → %3 auf den angenommenen Annotationen</translation>
    </message>
    <message>
        <source>The version you started from stays available in Analysis › Model Packs.</source>
        <translation>Die Ausgangsversion bleibt unter Analyse › Modellpakete verfügbar.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 is now the active pack.</source>
        <translation>%1 ist jetzt das aktive Paket.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::LibraryPanel</name>
    <message>
        <source>Filter videos</source>
        <translation>Videos filtern</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Show only videos with this status</source>
        <translation>Nur Videos mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
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
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>Bibliothek: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>Video ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>Wiedergabe/&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>&amp;Nächster Frame</translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation>&amp;Vorheriger Frame</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>5 Sekunden zurück</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>5 Sekunden vor</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Show &amp;Whole File</source>
        <translation>&amp;Ganze Datei anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;About Earmark</source>
        <translation>Ü&amp;ber Earmark</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes when Earmark starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Earmark.</translation>
    </message>
    <message>
        <source>%1 — Earmark</source>
        <translation>%1 — Earmark</translation>
    </message>
    <message>
        <source>Open Video</source>
        <translation>Video öffnen</translation>
    </message>
    <message>
        <source>Media files (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;All files (*)</source>
        <translation>Mediendateien (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Earmark</source>
        <translation>Über Earmark</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;Annotate what is heard and seen in videos.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Earmark %1&lt;/h3&gt;&lt;p&gt;Annotieren, was in Videos zu hören und zu sehen ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>&amp;Ask About the Video…</source>
        <translation>&amp;Fragen zum Video…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Spectrogram</source>
        <translation>S&amp;pektrogramm</translation>
    </message>
    <message>
        <source>Show the spectrogram instead of the waveform</source>
        <translation>Spektrogramm statt Wellenform anzeigen</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation>Wellenform</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Show pictures of the video above the waveform</source>
        <translation>Bilder des Videos über der Wellenform anzeigen</translation>
    </message>
    <message>
        <source>T&amp;humbnails</source>
        <translation>&amp;Vorschaubilder</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskOverlay</name>
    <message>
        <source>Choose or add a mask object to paint.</source>
        <translation>Wählen Sie ein Maskenobjekt zum Malen oder fügen Sie eines hinzu.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::MaskPanel</name>
    <message>
        <source>Add object…</source>
        <translation>Objekt hinzufügen…</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint the selected object&apos;s mask on the frame shown (B)</source>
        <translation>Die Maske des gewählten Objekts im angezeigten Frame malen (B)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Erase from the selected object&apos;s mask on the frame shown (E)</source>
        <translation>Im angezeigten Frame aus der Maske des gewählten Objekts radieren (E)</translation>
    </message>
    <message>
        <source>Outline only</source>
        <translation>Nur Umriss</translation>
    </message>
    <message>
        <source>Show masks over the video</source>
        <translation>Masken über dem Video anzeigen</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Correct the frame shown</source>
        <translation>Angezeigten Frame korrigieren</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Object %1</source>
        <translation>Objekt %1</translation>
    </message>
    <message>
        <source>Add object</source>
        <translation>Objekt hinzufügen</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PacksDialog</name>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Cite:</source>
        <translation>Zitieren:</translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation>Fenster:</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>Masken</translation>
    </message>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n Klasse</numerusform>
            <numerusform>%n Klassen</numerusform>
        </translation>
    </message>
    <message>
        <source>audio at %1 Hz</source>
        <translation>Audio mit %1 Hz</translation>
    </message>
    <message>
        <source>%1 frames per window</source>
        <translation>%1 Frames pro Fenster</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>, %1×%2 %3</source>
        <translation>, %1×%2 %3</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation>Gemessen:</translation>
    </message>
    <message>
        <source>Model Packs</source>
        <translation>Modellpakete</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Install a model pack folder (one with a pack.json)</source>
        <translation>Einen Modellpaket-Ordner installieren (einen mit pack.json)</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Verwenden</translation>
    </message>
    <message>
        <source>Analyse with the selected pack from now on</source>
        <translation>Ab jetzt mit dem gewählten Paket analysieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (aktiv)</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model pack is installed.&lt;/p&gt;&lt;p&gt;A model pack is a folder with a &lt;code&gt;pack.json&lt;/code&gt; manifest and the model files it lists. Choose &lt;b&gt;Add…&lt;/b&gt; to install one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es ist kein Modellpaket installiert.&lt;/p&gt;&lt;p&gt;Ein Modellpaket ist ein Ordner mit einem &lt;code&gt;pack.json&lt;/code&gt;-Manifest und den darin aufgeführten Modelldateien. Wählen Sie &lt;b&gt;Hinzufügen…&lt;/b&gt;, um eines zu installieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Model Pack</source>
        <translation>Modellpaket hinzufügen</translation>
    </message>
    <message>
        <source>Checking and installing %1…</source>
        <translation>%1 wird geprüft und installiert…</translation>
    </message>
    <message>
        <source>The pack was not added.

%1</source>
        <translation>Das Paket wurde nicht hinzugefügt.

%1</translation>
    </message>
    <message>
        <source>Installed %1 %2.</source>
        <translation>%1 %2 installiert.</translation>
    </message>
    <message>
        <source>Remove Model Pack</source>
        <translation>Modellpaket entfernen</translation>
    </message>
    <message>
        <source>Remove %1 %2 from this computer? Proposals it made stay in your libraries.</source>
        <translation>%1 %2 von diesem Computer entfernen? Seine Vorschläge bleiben in Ihren Bibliotheken erhalten.</translation>
    </message>
    <message>
        <source>%1 s windows, %2 s segments</source>
        <translation>%1-s-Fenster, %2-s-Segmente</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PlayerWidget</name>
    <message>
        <source>Previous frame (,)</source>
        <translation>Vorheriger Frame (,)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Wiedergabe (Leertaste)</translation>
    </message>
    <message>
        <source>Next frame (.)</source>
        <translation>Nächster Frame (.)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>%1 kann nicht abgespielt werden: %2</translation>
    </message>
    <message>
        <source>Cannot show the frames of %1: %2</source>
        <translation>Die Frames von %1 können nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>A small copy of the video made for seeking: once it is ready, any frame shows at once. It is kept in the library&apos;s cache folder.</source>
        <translation>Eine kleine Kopie des Videos zum Springen: Sobald sie fertig ist, erscheint jedes Bild sofort. Sie liegt im Cache-Ordner der Bibliothek.</translation>
    </message>
    <message>
        <source>Preparing fast seeking… %1%</source>
        <translation>Schnelles Springen wird vorbereitet… %1%</translation>
    </message>
    <message>
        <source>Fast seeking unavailable</source>
        <translation>Schnelles Springen nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>earmark::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
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
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Select the previous open proposal (Shift+N)</source>
        <translation>Vorherigen offenen Vorschlag wählen (Umschalt+N)</translation>
    </message>
    <message>
        <source>Select the next open proposal (N)</source>
        <translation>Nächsten offenen Vorschlag wählen (N)</translation>
    </message>
    <message>
        <source>Accept the selected proposals (A)</source>
        <translation>Gewählte Vorschläge annehmen (A)</translation>
    </message>
    <message>
        <source>Reject the selected proposals (R)</source>
        <translation>Gewählte Vorschläge ablehnen (R)</translation>
    </message>
    <message>
        <source>Accept all above</source>
        <translation>Alle darüber annehmen</translation>
    </message>
    <message>
        <source>Reject all below</source>
        <translation>Alle darunter ablehnen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model proposals</source>
        <translation>Modellvorschläge</translation>
    </message>
    <message>
        <source>By confidence</source>
        <translation>Nach Konfidenz</translation>
    </message>
    <message>
        <source>No model proposals for this video yet.</source>
        <translation>Für dieses Video gibt es noch keine Modellvorschläge.</translation>
    </message>
    <message>
        <source>%1 open · %2 accepted · %3 rejected</source>
        <translation>%1 offen · %2 angenommen · %3 abgelehnt</translation>
    </message>
    <message>
        <source>%1 open at or above %2 %, %3 below</source>
        <translation>%1 offen bei %2 % oder mehr, %3 darunter</translation>
    </message>
    <message>
        <source>Accept %1 ≥ %2 %</source>
        <translation>%1 ≥ %2 % annehmen</translation>
    </message>
    <message>
        <source>Reject %1 &lt; %2 %</source>
        <translation>%1 &lt; %2 % ablehnen</translation>
    </message>
</context>
<context>
    <name>earmark::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search commands and keys</source>
        <translation>Befehle und Tasten suchen</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Tasten:</translation>
    </message>
    <message>
        <source>Reset All</source>
        <translation>Alle zurücksetzen</translation>
    </message>
    <message>
        <source>%1 is also used by: %2. Only one of them will respond.</source>
        <translation>%1 wird auch verwendet von: %2. Nur einer davon reagiert.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::SpectrogramView</name>
    <message>
        <source>No spectrogram: %1</source>
        <translation>Kein Spektrogramm: %1</translation>
    </message>
    <message>
        <source>Computing the spectrogram…</source>
        <translation>Spektrogramm wird berechnet…</translation>
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
        <translation>Öffnen Sie ein Video, um seine Zeitleiste zu sehen</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio event</source>
        <translation>Hier ziehen, um ein neues Audio-Ereignis zu markieren</translation>
    </message>
    <message>
        <source>Drag here to mark a new visual event</source>
        <translation>Hier ziehen, um ein neues visuelles Ereignis zu markieren</translation>
    </message>
    <message>
        <source>Drag here to mark a new audio-visual event</source>
        <translation>Hier ziehen, um ein neues audiovisuelles Ereignis zu markieren</translation>
    </message>
    <message>
        <source>Drag here to add a clip label</source>
        <translation>Hier ziehen, um ein Clip-Label hinzuzufügen</translation>
    </message>
    <message>
        <source>%1 · event localization</source>
        <translation>%1 · Ereignislokalisierung</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 open</source>
        <translation>%1 · %2 offen</translation>
    </message>
    <message>
        <source>Model proposal, %1 (confidence %2%)</source>
        <translation>Modellvorschlag, %1 (Konfidenz %2 %)</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
</context>
<context>
    <name>earmark::ui::TransportController</name>
    <message>
        <source>Playback speed %1×</source>
        <translation>Wiedergabegeschwindigkeit %1×</translation>
    </message>
    <message>
        <source>Select the events to loop over.</source>
        <translation>Wählen Sie die Ereignisse, die in einer Schleife abgespielt werden sollen.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryModel</name>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>The video as it was opened</source>
        <translation>Das Video im Zustand beim Öffnen</translation>
    </message>
</context>
<context>
    <name>earmark::ui::UndoHistoryPanel</name>
    <message>
        <source>Click an entry to go back to it. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation>Klicken Sie auf einen Eintrag, um dorthin zurückzukehren. Strg+Z macht rückgängig, Strg+Umschalt+Z stellt wieder her.</translation>
    </message>
</context>
<context>
    <name>earmark::ui::VideoView</name>
    <message>
        <source>No video</source>
        <translation>Kein Video</translation>
    </message>
</context>
<context>
    <name>earmark::ui::WaveformView</name>
    <message>
        <source>No waveform: %1</source>
        <translation>Keine Wellenform: %1</translation>
    </message>
    <message>
        <source>Reading audio…</source>
        <translation>Audio wird gelesen…</translation>
    </message>
</context>
<context>
    <name>earmark::ui::Workbench</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t Events</source>
        <translation>Ereignisse &amp;ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy Events</source>
        <translation>Ereignisse k&amp;opieren</translation>
    </message>
    <message>
        <source>&amp;Paste Events at Playhead</source>
        <translation>Ereignisse am Abspielkopf &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Delete Events</source>
        <translation>Ereignisse &amp;löschen</translation>
    </message>
    <message>
        <source>Select &amp;All Events</source>
        <translation>Alle Ereignisse aus&amp;wählen</translation>
    </message>
    <message>
        <source>D&amp;eselect</source>
        <translation>Auswahl aufhe&amp;ben</translation>
    </message>
    <message>
        <source>&amp;Split at Playhead</source>
        <translation>Am Abspielkopf &amp;teilen</translation>
    </message>
    <message>
        <source>&amp;Merge Events</source>
        <translation>Ereignisse &amp;zusammenführen</translation>
    </message>
    <message>
        <source>Change C&amp;lass…</source>
        <translation>&amp;Klasse ändern…</translation>
    </message>
    <message>
        <source>Set Class Number %1</source>
        <translation>Klassennummer %1 zuweisen</translation>
    </message>
    <message>
        <source>Mark as &amp;Heard (Audio)</source>
        <translation>Als &amp;gehört markieren (Audio)</translation>
    </message>
    <message>
        <source>Mark as &amp;Seen (Visual)</source>
        <translation>Als ge&amp;sehen markieren (visuell)</translation>
    </message>
    <message>
        <source>Mark as Heard and Seen (Audio-&amp;Visual)</source>
        <translation>Als gehört und gesehen markieren (audio&amp;visuell)</translation>
    </message>
    <message>
        <source>Add &amp;Track…</source>
        <translation>&amp;Spur hinzufügen…</translation>
    </message>
    <message>
        <source>Add Track</source>
        <translation>Spur hinzufügen</translation>
    </message>
    <message>
        <source>Label set of the new track:</source>
        <translation>Labelsatz der neuen Spur:</translation>
    </message>
    <message>
        <source>Name of the new track:</source>
        <translation>Name der neuen Spur:</translation>
    </message>
    <message>
        <source>&amp;Accept Proposal</source>
        <translation>Vorschlag &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Reject Proposal</source>
        <translation>Vorschlag a&amp;blehnen</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>&amp;Nächster Vorschlag</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>&amp;Vorheriger Vorschlag</translation>
    </message>
    <message>
        <source>Accept All &amp;Above Threshold</source>
        <translation>Alle über dem &amp;Schwellenwert annehmen</translation>
    </message>
    <message>
        <source>Reject All &amp;Below Threshold</source>
        <translation>Alle unter dem Schwellenwert ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Mark Video “%1”</source>
        <translation>Video als „%1“ markieren</translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation>Shuttle &amp;rückwärts</translation>
    </message>
    <message>
        <source>Shuttle &amp;Stop</source>
        <translation>Shuttle &amp;anhalten</translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation>Shuttle vorwär&amp;ts</translation>
    </message>
    <message>
        <source>Jump to Event &amp;Start</source>
        <translation>Zum Ereignisanfan&amp;g springen</translation>
    </message>
    <message>
        <source>Jump to Event &amp;End</source>
        <translation>Zum Ereignis&amp;ende springen</translation>
    </message>
    <message>
        <source>&amp;Loop Selection</source>
        <translation>Auswahl in Sch&amp;leife</translation>
    </message>
    <message>
        <source>Fas&amp;ter</source>
        <translation>&amp;Schneller</translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation>Langsa&amp;mer</translation>
    </message>
    <message>
        <source>N&amp;ormal Speed</source>
        <translation>N&amp;ormale Geschwindigkeit</translation>
    </message>
    <message>
        <source>Volume &amp;Up</source>
        <translation>L&amp;auter</translation>
    </message>
    <message>
        <source>Volume &amp;Down</source>
        <translation>Lei&amp;ser</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>Stumm&amp;schalten</translation>
    </message>
    <message>
        <source>Mask &amp;Brush</source>
        <translation>Masken-&amp;Pinsel</translation>
    </message>
    <message>
        <source>Mask &amp;Eraser</source>
        <translation>Masken-&amp;Radierer</translation>
    </message>
    <message>
        <source>&amp;Show Masks</source>
        <translation>Masken an&amp;zeigen</translation>
    </message>
    <message>
        <source>Masks as &amp;Outlines</source>
        <translation>Masken als &amp;Umriss</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Playback speed (&lt; slower, &gt; faster); the pitch stays</source>
        <translation>Wiedergabegeschwindigkeit (&lt; langsamer, &gt; schneller); die Tonhöhe bleibt erhalten</translation>
    </message>
    <message>
        <source>Volume (Ctrl+Up, Ctrl+Down)</source>
        <translation>Lautstärke (Strg+Hoch, Strg+Herunter)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Class by &amp;Number</source>
        <translation>Klasse nach &amp;Nummer</translation>
    </message>
    <message>
        <source>Heard or Seen</source>
        <translation>Gehört oder gesehen</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>Video &amp;Status</source>
        <translation>Video&amp;status</translation>
    </message>
    <message>
        <source>&amp;Masks</source>
        <translation>&amp;Masken</translation>
    </message>
    <message>
        <source>&amp;Add Object…</source>
        <translation>Objekt &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Cannot open the annotations of %1: %2</source>
        <translation>Die Annotationen von %1 können nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>An edit could not be saved and the video was reloaded: %1</source>
        <translation>Eine Änderung konnte nicht gespeichert werden; das Video wurde neu geladen: %1</translation>
    </message>
    <message>
        <source>Select the events to change their class.</source>
        <translation>Wählen Sie die Ereignisse, deren Klasse geändert werden soll.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
</context>
</TS>
