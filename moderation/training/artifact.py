"""Write the model artifact: `<id>.npz` (weights, no pickle) + `<id>.json` (everything else).

The bytes depend only on the inputs: the zip entries carry a fixed date, the JSON is written
with sorted keys, so retraining on the same data with the same seed gives the same files.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from moderation.scoring.linear_features import FeatureSpec
from moderation.scoring.mlp_head import MlpHead
from moderation.training.fit import Head

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays to a compressed .npz that np.load reads, with reproducible bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def write_artifact(out_dir: Path, model_id: str, spec: FeatureSpec, heads: list[Head],
                   metadata: dict[str, Any], encoder_dimensions: int = 0,
                   mlp_heads: list[MlpHead] = ()) -> tuple[Path, Path]:
    """Write `<model_id>.npz` and `<model_id>.json` under out_dir; return their paths.

    Each head's weights are the n-gram block followed by `encoder_dimensions` embedding weights
    (stored apart, as `encoder_weights`, when there are any); MLP heads keep float32 (small).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    # float16 halves the size; the rounding (about 1e-3 relative) moves no ranking that matters.
    stacked = np.stack([head.weights for head in heads], axis=1)
    split = stacked.shape[0] - encoder_dimensions
    weights = stacked[:split].astype(np.float16)
    arrays = {"weights": weights}
    if encoder_dimensions:
        arrays["encoder_weights"] = stacked[split:].astype(np.float16)
    for head in mlp_heads:
        arrays.update(head.arrays())
    npz_path = out_dir / f"{model_id}.npz"
    _write_npz(npz_path, arrays)
    description = {
        "model_id": model_id,
        "format": 1,
        "features": spec.to_json(),
        "labels": [head.label for head in heads],
        "intercepts": [round(head.intercept, 6) for head in heads],
        "weights_file": npz_path.name,
        "weights_shape": list(weights.shape),
        **({"mlp_heads": {head.label: head.description() for head in mlp_heads}} if mlp_heads else {}),
        **metadata,
    }
    json_path = out_dir / f"{model_id}.json"
    json_path.write_text(json.dumps(description, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    return json_path, npz_path
