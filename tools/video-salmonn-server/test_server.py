"""Tests of the server's protocol half (no model needed):

    python3 -m unittest discover -s tools/video-salmonn-server -p 'test_*.py'
"""

import base64
import http.client
import io
import json
import math
import os
import socket
import struct
import sys
import threading
import time
import unittest
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from backends import DescribeBackend, drain  # noqa: E402
from protocol import ChunkWriter, RequestError, http_chunk, jpeg_size, parse_request, \
    read_wav, sse  # noqa: E402
from server import make_server  # noqa: E402

# A 16x8 JPEG made by FFmpeg.
TINY_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgKCgsKCw0NDQ0NDRAPEBAQEBAQEBAQEBAS"
    "EhIVFRUSEhIQEBISFBQVFRcXFxUVFRUXFxkZGR4eHBwjIyQrKzP/xABLAAEBAAAAAAAAAAAAAAAAAAAABQEBAAAAAAAA"
    "AAAAAAAAAAAABhABAAAAAAAAAAAAAAAAAAAAABEBAAAAAAAAAAAAAAAAAAAAAP/AABEIAAgAEAMBIgACEQADEQD/2gAM"
    "AwEAAhEDEQA/AIIB2Ov/2Q==")


def make_wav(seconds: float, rate: int = 16000, freq: float = 440.0, channels: int = 1) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = []
        for i in range(int(seconds * rate)):
            v = int(16000 * math.sin(2 * math.pi * freq * i / rate))
            frames.append(struct.pack("<h", v) * channels)
        w.writeframes(b"".join(frames))
    return out.getvalue()


def earmark_body(model="video-salmonn", frames=2, audio=True, stream=True, max_tokens=None,
                 question="When does the bell ring?"):
    """A body shaped exactly as Earmark's chatRequestBody() makes it."""
    parts = [{"type": "text", "text": "The video is 0:01 long. Here are 2 frames of it."}]
    for _ in range(frames):
        parts.append({"type": "image_url", "image_url": {
            "url": "data:image/jpeg;base64," + base64.b64encode(TINY_JPEG).decode()}})
    if audio:
        parts.append({"type": "input_audio", "input_audio": {
            "data": base64.b64encode(make_wav(1.0)).decode(), "format": "wav"}})
    parts.append({"type": "text", "text": question})
    body = {"model": model, "stream": stream, "messages": [
        {"role": "system", "content": "You answer questions about a video."},
        {"role": "user", "content": "What is it?"},
        {"role": "assistant", "content": "A test pattern."},
        {"role": "user", "content": parts},
    ]}
    if max_tokens:
        body["max_tokens"] = max_tokens
    return json.dumps(body).encode()


def read_events(response) -> list:
    """The data of every server-sent event of a response, in order."""
    events, data = [], []
    for raw in response.read().decode().split("\n"):
        line = raw.rstrip("\r")
        if line == "":
            if data:
                events.append("\n".join(data))
            data = []
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" ") if line[5:6] == " " else line[5:])
    return events


class ProtocolTest(unittest.TestCase):
    def test_jpeg_and_wav_are_read(self):
        self.assertEqual(jpeg_size(TINY_JPEG), (16, 8))
        with self.assertRaises(ValueError):
            jpeg_size(b"\x89PNG....")
        audio = read_wav(make_wav(0.5, channels=2))
        self.assertEqual(audio.sample_rate, 16000)
        self.assertEqual(audio.channels, 2)
        self.assertEqual(len(audio.samples), 8000)  # mixed down to mono
        self.assertAlmostEqual(max(audio.samples), 16000 / 32768, places=3)

    def test_earmark_request_parses(self):
        conv = parse_request(earmark_body(max_tokens=64), "video-salmonn")
        self.assertTrue(conv.stream)
        self.assertEqual(conv.max_tokens, 64)
        self.assertEqual(conv.system, "You answer questions about a video.")
        self.assertEqual(conv.history, [("user", "What is it?"), ("assistant", "A test pattern.")])
        self.assertEqual(len(conv.frames), 2)
        self.assertEqual((conv.frames[0].width, conv.frames[0].height), (16, 8))
        self.assertEqual(conv.audio.sample_rate, 16000)
        self.assertAlmostEqual(conv.audio.seconds, 1.0)
        self.assertEqual(conv.question, "When does the bell ring?")
        self.assertIn("2 frames", conv.prompt_text)

    def test_bad_requests_name_the_field(self):
        with self.assertRaises(RequestError) as e:
            parse_request(earmark_body(model="gpt-4o"), "video-salmonn")
        self.assertEqual(e.exception.status, 404)
        self.assertEqual(str(e.exception), "The model `gpt-4o` does not exist.")

        body = json.loads(earmark_body())
        body["messages"][3]["content"][1]["image_url"]["url"] = "https://example.org/a.jpg"
        with self.assertRaises(RequestError) as e:
            parse_request(json.dumps(body).encode(), "video-salmonn")
        self.assertIn("messages[3].content[1].image_url.url", str(e.exception))

        body = json.loads(earmark_body())
        body["messages"][3]["content"][3]["input_audio"]["format"] = "mp3"
        with self.assertRaises(RequestError) as e:
            parse_request(json.dumps(body).encode(), "video-salmonn")
        self.assertIn("messages[3].content[3].input_audio.format", str(e.exception))

        body = json.loads(earmark_body())
        body["messages"][3]["content"][3]["input_audio"]["data"] = "not base64!"
        with self.assertRaises(RequestError) as e:
            parse_request(json.dumps(body).encode(), "video-salmonn")
        self.assertIn("base64", str(e.exception))

        body = json.loads(earmark_body())
        body["messages"].append({"role": "assistant", "content": "x"})
        with self.assertRaises(RequestError):
            parse_request(json.dumps(body).encode(), "video-salmonn")
        with self.assertRaises(RequestError):
            parse_request(b"{not json", "video-salmonn")

    def test_event_framing(self):
        writer = ChunkWriter("video-salmonn", "chatcmpl-1")
        event = writer.piece("line one\nline two")
        self.assertTrue(event.startswith(b"data: {"))
        self.assertTrue(event.endswith(b"}\n\n"))
        self.assertEqual(event.count(b"\n"), 2)  # JSON escapes the newline
        chunk = json.loads(event[6:-2])
        self.assertEqual(chunk["object"], "chat.completion.chunk")
        self.assertEqual(chunk["choices"][0]["delta"]["content"], "line one\nline two")
        self.assertIsNone(chunk["choices"][0]["finish_reason"])
        final = json.loads(writer.finish("length")[6:-2])
        self.assertEqual(final["choices"][0]["finish_reason"], "length")
        self.assertEqual(ChunkWriter.done(), b"data: [DONE]\n\n")
        self.assertEqual(sse("a\nb"), b"data: a\ndata: b\n\n")
        self.assertEqual(http_chunk(b"hello"), b"5\r\nhello\r\n")
        self.assertEqual(http_chunk(b""), b"0\r\n\r\n")

    def test_describe_backend(self):
        conv = parse_request(earmark_body(), "video-salmonn")
        pieces, reason = drain(DescribeBackend().generate(conv, None, lambda: False))
        text = "".join(pieces)
        self.assertEqual(reason, "stop")
        self.assertIn("I received 2 frames (16x8)", text)
        self.assertIn("1.00 s of sound at 16000 Hz", text)
        self.assertIn("When does the bell ring?", text)
        pieces, reason = drain(DescribeBackend().generate(conv, 3, lambda: False))
        self.assertEqual(len(pieces), 3)
        self.assertEqual(reason, "length")


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.stops = []
        test = self

        class Recording(DescribeBackend):
            def generate(self, conv, max_tokens, should_stop):
                def watched():
                    try:
                        return (yield from DescribeBackend.generate(self, conv, max_tokens,
                                                                    should_stop))
                    finally:  # also when the server closes the generator
                        test.stops.append(should_stop())
                return watched()

        self.backend = Recording(delay=0.0)
        self.server = make_server("127.0.0.1", 0, self.backend, "video-salmonn", "sk-test")
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def request(self, method, path, body=None, key="sk-test", content_type="application/json"):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Content-Type": content_type, "Accept": "text/event-stream"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        conn.request(method, path, body=body, headers=headers)
        return conn, conn.getresponse()

    def test_streams_an_answer(self):
        conn, response = self.request("POST", "/v1/chat/completions", earmark_body())
        self.assertEqual(response.status, 200)
        self.assertTrue(response.getheader("Content-Type").startswith("text/event-stream"))
        self.assertEqual(response.getheader("Transfer-Encoding"), "chunked")
        events = read_events(response)
        self.assertEqual(events[-1], "[DONE]")
        chunks = [json.loads(e) for e in events[:-1]]
        self.assertEqual(chunks[0]["choices"][0]["delta"]["role"], "assistant")
        self.assertEqual(chunks[-1]["choices"][0]["finish_reason"], "stop")
        text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
        self.assertIn("I received 2 frames (16x8)", text)
        # The connection stays usable (keep-alive) after the stream.
        conn.request("GET", "/v1/models", headers={"Authorization": "Bearer sk-test"})
        models = json.loads(conn.getresponse().read())
        self.assertEqual([m["id"] for m in models["data"]], ["video-salmonn"])
        conn.close()

    def test_whole_answer_and_length(self):
        conn, response = self.request("POST", "/v1/chat/completions",
                                      earmark_body(stream=False, max_tokens=2))
        self.assertEqual(response.status, 200)
        body = json.loads(response.read())
        self.assertEqual(body["object"], "chat.completion")
        self.assertEqual(body["choices"][0]["finish_reason"], "length")
        self.assertEqual(body["choices"][0]["message"]["content"], "I received")
        conn.close()

    def test_errors(self):
        conn, response = self.request("POST", "/v1/chat/completions", earmark_body(), key="wrong")
        self.assertEqual(response.status, 401)
        self.assertIn("API key", json.loads(response.read())["error"]["message"])
        conn.close()
        conn, response = self.request("POST", "/v1/chat/completions",
                                      earmark_body(model="llava"))
        self.assertEqual(response.status, 404)
        error = json.loads(response.read())["error"]
        self.assertEqual(error["message"], "The model `llava` does not exist.")
        self.assertEqual(error["type"], "NotFoundError")
        conn.close()
        conn, response = self.request("POST", "/chat/completions/x", earmark_body())
        self.assertEqual(response.status, 404)
        conn.close()
        conn, response = self.request("POST", "/v1/chat/completions", b"{}")
        self.assertEqual(response.status, 400)
        self.assertIn("'model'", json.loads(response.read())["error"]["message"])
        conn.close()
        conn, response = self.request("POST", "/v1/chat/completions", earmark_body(),
                                      content_type="text/plain")
        self.assertEqual(response.status, 415)
        conn.close()

    def test_stops_when_the_client_goes(self):
        self.backend.delay = 0.05
        sock = socket.create_connection(("127.0.0.1", self.port))
        body = earmark_body()
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                     b"Authorization: Bearer sk-test\r\nContent-Type: application/json\r\n"
                     + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.assertIn(b"200 OK", sock.recv(4096))
        sock.close()  # Stop pressed
        deadline = time.time() + 10
        while not self.stops and time.time() < deadline:
            time.sleep(0.05)
        self.assertEqual(self.stops, [True])


if __name__ == "__main__":
    unittest.main()
