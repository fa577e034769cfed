"""What answers the questions: video-SALMONN 2+ on a GPU, or a model-free backend that describes
what it received (to check that Earmark and the server talk, on any machine).

A backend's generate() yields pieces of the answer as they are made and finally returns the
finish reason ("stop" or "length"); it stops early when should_stop() turns true (the client went
away).
"""

import math
import threading
from typing import Callable, Iterator, Optional

from protocol import Conversation


class DescribeBackend:
    """Answers with facts about what arrived: the frames, the sound (its length and loudest
    second) and the question. No model, no GPU: for checking the connection."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def generate(self, conv: Conversation, max_tokens: Optional[int],
                 should_stop: Callable[[], bool]):
        words = []
        if conv.frames:
            sizes = sorted({(f.width, f.height) for f in conv.frames})
            size_text = ", ".join(f"{w}x{h}" for w, h in sizes)
            words.append(f"I received {len(conv.frames)} frames ({size_text})")
        else:
            words.append("I received no frames")
        if conv.audio is not None and conv.audio.samples:
            rate = conv.audio.sample_rate
            seconds = conv.audio.seconds
            loudest, best = 0, -1.0
            for k in range(int(math.ceil(seconds))):
                block = conv.audio.samples[k * rate:(k + 1) * rate]
                energy = sum(v * v for v in block) / max(1, len(block))
                if energy > best:
                    loudest, best = k, energy
            words.append(f"and {seconds:.2f} s of sound at {rate} Hz, loudest in its second "
                         f"number {loudest + 1},")
        else:
            words.append("and no sound")
        words.append(f"with {len(conv.history) // 2} earlier questions.")
        words.append(f"Your question: {conv.question}")
        text = " ".join(words)
        pieces = text.split(" ")
        limit = max_tokens if max_tokens else len(pieces)
        for i, piece in enumerate(pieces[:limit]):
            if should_stop():
                return "stop"
            if self.delay:
                threading.Event().wait(self.delay)
            yield piece if i == 0 else " " + piece
        return "length" if limit < len(pieces) else "stop"


class VideoSalmonn2PlusBackend:
    """video-SALMONN 2+ (https://github.com/bytedance/video-SALMONN-2, folder
    video_SALMONN2_plus) through its Transformers entry point: AutoProcessor and
    AutoModelForCausalLM with trust_remote_code, `<video>` in the prompt, the frames as the video
    and the 16 kHz waveform as its audio, interleaved per time step by the processor.
    Generation streams through transformers' TextIteratorStreamer."""

    def __init__(self, model_path: str, frames_per_second: float = 2.0,
                 default_max_tokens: int = 1024, device_map: str = "auto"):
        import torch  # noqa: F401  (fail early, with a clear message, when missing)
        from transformers import AutoModelForCausalLM, AutoProcessor

        self.model = AutoModelForCausalLM.from_pretrained(
            model_path, trust_remote_code=True, torch_dtype="auto", device_map=device_map)
        self.model.eval()
        self.processor = AutoProcessor.from_pretrained(model_path, trust_remote_code=True)
        self.frames_per_second = frames_per_second
        self.default_max_tokens = default_max_tokens
        self.lock = threading.Lock()  # one generation at a time on the GPU

    def _prompt(self, conv: Conversation) -> str:
        messages = []
        if conv.system:
            messages.append({"role": "system", "content": conv.system})
        for role, text in conv.history:
            messages.append({"role": role, "content": text})
        media = "<video>\n" if conv.frames else ("<audio>\n" if conv.audio else "")
        messages.append({"role": "user", "content": media + conv.prompt_text})
        return self.processor.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True)

    def generate(self, conv: Conversation, max_tokens: Optional[int],
                 should_stop: Callable[[], bool]):
        import io

        import numpy as np
        import torch
        from PIL import Image
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        kwargs = {"text": [self._prompt(conv)], "return_tensors": "pt"}
        if conv.frames:
            frames = [np.asarray(Image.open(io.BytesIO(f.data)).convert("RGB"))
                      for f in conv.frames]
            kwargs["videos"] = [np.stack(frames)]
            # Qwen2.5-VL merges two frames per time step.
            kwargs["second_per_grid_ts"] = [2.0 / self.frames_per_second]
        if conv.audio is not None:
            if conv.audio.sample_rate != 16000:
                raise ValueError(f"the sound is at {conv.audio.sample_rate} Hz; video-SALMONN "
                                 "takes 16000 Hz")
            kwargs["audio"] = [np.asarray(conv.audio.samples, dtype=np.float32)]
        inputs = self.processor(**kwargs).to(self.model.device)

        class ClientGone(StoppingCriteria):
            def __call__(self, input_ids, scores, **_):
                return should_stop()

        limit = max_tokens or self.default_max_tokens
        streamer = TextIteratorStreamer(self.processor.tokenizer, skip_prompt=True,
                                        skip_special_tokens=True)
        produced = {"tokens": 0}

        def run():
            with self.lock, torch.inference_mode():
                out = self.model.generate(**inputs, max_new_tokens=limit, do_sample=False,
                                          streamer=streamer,
                                          stopping_criteria=StoppingCriteriaList([ClientGone()]))
                produced["tokens"] = int(out.shape[-1] - inputs["input_ids"].shape[-1])

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        for piece in streamer:
            if piece:
                yield piece
        worker.join()
        return "length" if produced["tokens"] >= limit else "stop"


def drain(generator: Iterator[str]):
    """Runs a backend's generator to its end: (pieces, finish reason)."""
    pieces = []
    while True:
        try:
            pieces.append(next(generator))
        except StopIteration as end:
            return pieces, end.value or "stop"
