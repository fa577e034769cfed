"""The OpenAI chat-completions protocol as Earmark speaks it, without any model.

Parses a request body into a Conversation (system text, earlier turns, the new question with its
frames as JPEG files and its sound as a WAV file), and writes what goes back: streamed chunks as
server-sent events, a whole completion, and error bodies in the shape OpenAI and vLLM use.
Standard library only, so it can be tested anywhere.
"""

import base64
import binascii
import io
import json
import struct
import time
import wave
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

JPEG_DATA_URL = "data:image/jpeg;base64,"
PNG_DATA_URL = "data:image/png;base64,"


class RequestError(Exception):
    """A request the server refuses; `status` is the HTTP status, the message names the field."""

    def __init__(self, message: str, status: int = 400, error_type: str = "BadRequestError"):
        super().__init__(message)
        self.status = status
        self.error_type = error_type


@dataclass
class Audio:
    sample_rate: int
    channels: int
    samples: List[float]  # mono, in [-1, 1)

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


@dataclass
class Frame:
    data: bytes  # the JPEG (or PNG) file
    width: int
    height: int


@dataclass
class Conversation:
    model: str
    system: str = ""
    history: List[Tuple[str, str]] = field(default_factory=list)  # (role, text), oldest first
    texts: List[str] = field(default_factory=list)  # text parts of the new question, in order
    frames: List[Frame] = field(default_factory=list)
    audio: Optional[Audio] = None
    max_tokens: Optional[int] = None
    stream: bool = False

    @property
    def question(self) -> str:
        return self.texts[-1] if self.texts else ""

    @property
    def prompt_text(self) -> str:
        """All text parts of the new question, joined (the clip description, then the question)."""
        return "\n".join(t for t in self.texts if t)


def jpeg_size(data: bytes) -> Tuple[int, int]:
    """Width and height from a JPEG's start-of-frame marker; ValueError when it has none."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG file")
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError("broken JPEG marker structure")
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    raise ValueError("no start-of-frame marker in the JPEG")


def png_size(data: bytes) -> Tuple[int, int]:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_wav(data: bytes) -> Audio:
    """A PCM WAV file (8/16/24/32-bit integer), mixed down to mono floats."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            channels = w.getnchannels()
            width = w.getsampwidth()
            rate = w.getframerate()
            raw = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as e:
        raise ValueError(f"not a PCM WAV file ({e})") from None
    if width not in (1, 2, 3, 4):
        raise ValueError(f"{8 * width}-bit samples are not supported")
    count = len(raw) // width
    values: List[float] = []
    if width == 1:
        values = [(b - 128) / 128.0 for b in raw]
    elif width == 2:
        values = [v / 32768.0 for v in struct.unpack(f"<{count}h", raw[:2 * count])]
    elif width == 3:
        for i in range(count):
            v = int.from_bytes(raw[3 * i:3 * i + 3], "little", signed=True)
            values.append(v / 8388608.0)
    else:
        values = [v / 2147483648.0 for v in struct.unpack(f"<{count}i", raw[:4 * count])]
    if channels > 1:
        values = [sum(values[i:i + channels]) / channels for i in range(0, len(values), channels)]
    return Audio(sample_rate=rate, channels=channels, samples=values)


def _b64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise RequestError(f"{where} is not valid base64") from None


def parse_request(body: bytes, served_model: str) -> Conversation:
    """Checks a chat-completions body as Earmark sends it and returns its Conversation.

    Raises RequestError naming the field for anything malformed, and the 404 vLLM gives for a
    model it does not serve.
    """
    try:
        request = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise RequestError(f"the body is not JSON: {e}") from None
    if not isinstance(request, dict):
        raise RequestError("the body is not a JSON object")
    model = request.get("model")
    if not isinstance(model, str) or not model:
        raise RequestError("'model' is missing or not a string")
    if model != served_model:
        raise RequestError(f"The model `{model}` does not exist.", 404, "NotFoundError")
    messages = request.get("messages")
    if not isinstance(messages, list) or not messages:
        raise RequestError("'messages' is missing or empty")
    max_tokens = request.get("max_tokens", request.get("max_completion_tokens"))
    if max_tokens is not None and (not isinstance(max_tokens, int) or max_tokens <= 0):
        raise RequestError("'max_tokens' is not a positive integer")
    stream = request.get("stream", False)
    if not isinstance(stream, bool):
        raise RequestError("'stream' is not true or false")

    conv = Conversation(model=model, max_tokens=max_tokens, stream=stream)
    last = len(messages) - 1
    for i, message in enumerate(messages):
        where = f"messages[{i}]"
        if not isinstance(message, dict):
            raise RequestError(f"{where} is not an object")
        role = message.get("role")
        content = message.get("content")
        if role not in ("system", "user", "assistant"):
            raise RequestError(f"{where}.role is not system, user or assistant")
        if i == last and role != "user":
            raise RequestError("the last message is not the user's")
        if isinstance(content, str):
            parts = [{"type": "text", "text": content}]
        elif isinstance(content, list):
            parts = content
        else:
            raise RequestError(f"{where}.content is neither a string nor a list of parts")
        texts: List[str] = []
        for j, part in enumerate(parts):
            pwhere = f"{where}.content[{j}]"
            if not isinstance(part, dict):
                raise RequestError(f"{pwhere} is not an object")
            kind = part.get("type")
            if kind == "text":
                if not isinstance(part.get("text"), str):
                    raise RequestError(f"{pwhere}.text is not a string")
                texts.append(part["text"])
                continue
            if i != last:
                raise RequestError(f"{pwhere}: media are taken in the last message only")
            if kind == "image_url":
                url = (part.get("image_url") or {}).get("url")
                if not isinstance(url, str):
                    raise RequestError(f"{pwhere}.image_url.url is not a string")
                if url.startswith(JPEG_DATA_URL):
                    data = _b64(url[len(JPEG_DATA_URL):], f"{pwhere}.image_url.url")
                    measure = jpeg_size
                elif url.startswith(PNG_DATA_URL):
                    data = _b64(url[len(PNG_DATA_URL):], f"{pwhere}.image_url.url")
                    measure = png_size
                else:
                    raise RequestError(f"{pwhere}.image_url.url is not a JPEG or PNG data URL "
                                       "(this server fetches nothing)")
                try:
                    width, height = measure(data)
                except ValueError as e:
                    raise RequestError(f"{pwhere}: {e}") from None
                conv.frames.append(Frame(data, width, height))
            elif kind == "input_audio":
                audio = part.get("input_audio") or {}
                if audio.get("format") != "wav":
                    raise RequestError(f"{pwhere}.input_audio.format is not 'wav'")
                if conv.audio is not None:
                    raise RequestError(f"{pwhere}: only one input_audio part is taken")
                try:
                    conv.audio = read_wav(_b64(audio.get("data") or "",
                                               f"{pwhere}.input_audio.data"))
                except ValueError as e:
                    raise RequestError(f"{pwhere}.input_audio.data: {e}") from None
            else:
                raise RequestError(f"{pwhere}.type '{kind}' is not text, image_url or input_audio")
        if role == "system":
            conv.system = "\n".join(filter(None, [conv.system] + texts))
        elif i == last:
            conv.texts = texts
        else:
            conv.history.append((role, "\n".join(texts)))
    if not conv.question.strip():
        raise RequestError(f"messages[{last}] has no question text")
    return conv


def error_body(message: str, error_type: str, status: int) -> bytes:
    return json.dumps({"error": {"message": message, "type": error_type, "param": None,
                                 "code": status}}).encode()


class ChunkWriter:
    """Makes the events of one streamed answer (OpenAI's chat.completion.chunk)."""

    def __init__(self, model: str, completion_id: Optional[str] = None):
        self.model = model
        self.id = completion_id or f"chatcmpl-{int(time.time() * 1000)}"
        self.created = int(time.time())

    def _event(self, delta: dict, finish_reason: Optional[str]) -> bytes:
        chunk = {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "choices": [{"index": 0, "delta": delta, "logprobs": None,
                         "finish_reason": finish_reason}],
        }
        return sse(json.dumps(chunk, ensure_ascii=False))

    def start(self) -> bytes:
        return self._event({"role": "assistant", "content": ""}, None)

    def piece(self, text: str) -> bytes:
        return self._event({"content": text}, None)

    def finish(self, reason: str) -> bytes:
        return self._event({}, reason)

    @staticmethod
    def done() -> bytes:
        return sse("[DONE]")

    @staticmethod
    def error(message: str, status: int = 500) -> bytes:
        return sse(error_body(message, "InternalServerError", status).decode())


def sse(data: str) -> bytes:
    """One server-sent event holding `data` (several lines become several data: fields)."""
    return "".join(f"data: {line}\n" for line in data.split("\n")).encode() + b"\n"


def http_chunk(payload: bytes) -> bytes:
    """One piece of a Transfer-Encoding: chunked body (an empty payload ends the body)."""
    return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"


def whole_completion(model: str, text: str, finish_reason: str,
                     prompt_tokens: int = 0, completion_tokens: int = 0) -> bytes:
    return json.dumps({
        "id": f"chatcmpl-{int(time.time() * 1000)}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "logprobs": None, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }, ensure_ascii=False).encode()
