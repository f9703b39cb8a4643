"""Floors for the judgement on the labelled sets beyond the dev set: thirty-five sets of Sora
follow-ups written for this project, and sixty-nine fictional stories set up exactly as the
README tells a user to (its config, its seed folder, `monitor snapshots rebuild`, then
check). followups2 to followups35 and story3 to story70 were written by helpers who never ran
the monitor; they were scored once as held-out text before any rule was written for them
(change F1: followups2 0.61, story3 0.34, followups3 0.70, story4 0.47, story5 0.55,
story6 0.41, story7 0.42, story8 0.52, followups4 0.50, story9 0.76, story10 0.67,
followups5 0.57, story11 0.48, story12 0.71, followups6 0.52, story13 0.56, story14 0.51,
followups7 0.50, story15 0.63, story16 0.55, followups8 0.48, story17 0.70, story18 0.62,
followups9 0.71, story19 0.70, story20 0.57, followups10 0.58, story21 0.67, story22 0.65,
followups11 0.75, story23 0.74, story24 0.68, followups12 0.74, story25 0.71, story26 0.56,
followups13 0.44, story27 0.76, story28 0.72, followups14 0.76, story29 0.68, story30 0.79,
followups15 0.65, story31 0.58, story32 0.63, followups16 0.67, story33 0.59, story34 0.83,
followups17 0.80, story35 0.74, story36 0.76, followups18 0.57, story37 0.76, story38 0.72,
followups19 0.72, story39 0.82, story40 0.77, followups20 0.73, story41 0.83, story42 0.78,
followups21 0.56, story43 0.76, story44 0.82, followups22 0.67, story45 0.68, story46 0.78,
followups23 0.80, story47 0.71, story48 0.60, followups24 0.74, story49 0.63, story50 0.80,
followups25 0.72, story51 0.74, story52 0.73, followups26 0.73, story53 0.84, story54 0.76,
followups27 0.81, story55 0.68, story56 0.78, followups28 0.90, story57 0.78, story58 0.70,
followups29 0.73, story59 0.83, story60 0.82, followups30 0.71, story61 0.88, story62 0.74,
followups31 0.89, story63 0.76, story64 0.88, followups32 0.88, story65 0.73, story66 0.65,
followups33 0.79, story67 0.76, story68 0.83, followups34 0.57, story69 0.68, story70 0.88,
followups35 0.69).
A drop below a floor fails the suite; raise a floor when the judgement earns it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from monitor import articles, config, evaluate, snapshots
from monitor.compare import Baseline, compare_article

FIXTURES = Path(__file__).parent / "fixtures"
MONITOR = str(Path(sys.executable).parent / "monitor")


def score(labels_path: Path, settings) -> dict:
    """score.py's figures, in process."""
    baseline = Baseline(snapshots.load(settings.snapshots_dir), settings.topic)

    def check(path):
        result = compare_article(articles.from_text(path.read_text(), str(path)), baseline, settings.topic)
        return result.relevant, [(f.claim.text, f.status) for f in result.findings]
    figures = evaluate.score(labels_path, check)
    return {**figures, "relevance": figures["relevant_right"] / figures["cases"]}


@pytest.fixture(scope="module")
def story2(tmp_path_factory):
    return set_up(tmp_path_factory.mktemp("story"), "story2")


def set_up(tmp: Path, name: str) -> Path:
    """A fixture story as a user sets one up: its config and seeds, then a rebuild."""
    folder = tmp / name
    shutil.copytree(FIXTURES / name, folder, ignore=shutil.ignore_patterns("baseline"))
    cfg = folder / "story.toml"
    subprocess.run([MONITOR, "--config", str(cfg), "snapshots", "rebuild", str(folder / "seeds")], check=True,
                   capture_output=True)
    return cfg


def test_second_story_needs_no_code_change(story2):
    settings = config.load(story2)
    assert sorted(p.name for p in settings.snapshots_dir.glob("*.json")) == ["001.json", "002.json", "003.json"]
    figures = score(story2.parent / "followups" / "labels.json", settings)
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= 0.93 and figures["precision"] >= 0.95, figures
    assert figures["accuracy"] >= 0.85, figures


def test_second_story_check_runs_as_a_user_runs_it(story2):
    fu = sorted((story2.parent / "followups").glob("fu01_*.txt"))[0]
    out = json.loads(subprocess.run([MONITOR, "--config", str(story2), "check", str(fu), "--json"], check=True,
                                    capture_output=True, text=True).stdout)
    assert out["relevant"] and any(c["status"] == "contradicted" for c in out["claims"])
    assert all({"subject", "frames", "values", "attribution", "reason"} <= set(c) for c in out["claims"])


def test_sora_follow_ups_floor():
    figures = score(FIXTURES / "followups" / "labels.json", config.load())
    assert figures["relevance"] >= 13 / 14
    assert figures["change_f1"] >= 0.94 and figures["precision"] >= 0.97, figures
    assert figures["accuracy"] >= 0.8, figures


def test_sora_follow_ups_2_floor():
    figures = score(FIXTURES / "followups2" / "labels.json", config.load())
    assert figures["change_f1"] >= 0.78 and figures["precision"] >= 0.95, figures


def test_third_story_floor(tmp_path):
    cfg = set_up(tmp_path, "story3")
    figures = score(cfg.parent / "followups" / "labels.json", config.load(cfg))
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= 0.55 and figures["precision"] >= 0.8, figures


def test_sora_follow_ups_3_floor():
    figures = score(FIXTURES / "followups3" / "labels.json", config.load())
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= 0.67 and figures["precision"] >= 0.75, figures


@pytest.mark.parametrize("name, f1, precision, relevance", [("story4", 0.65, 0.85, 5 / 6), ("story5", 0.67, 0.9, 1.0)])
def test_fourth_and_fifth_story_floors(tmp_path, name, f1, precision, relevance):
    cfg = set_up(tmp_path, name)
    figures = score(cfg.parent / "followups" / "labels.json", config.load(cfg))
    assert figures["relevance"] >= relevance
    assert figures["change_f1"] >= f1 and figures["precision"] >= precision, figures


def test_sora_follow_ups_4_floor():
    figures = score(FIXTURES / "followups4" / "labels.json", config.load())
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= 0.5 and figures["precision"] >= 0.6, figures


@pytest.mark.parametrize("name, f1, precision, relevance", [
    ("story6", 0.5, 0.65, 1.0), ("story7", 0.6, 0.9, 1.0), ("story8", 0.75, 0.9, 5 / 6)])
def test_sixth_to_eighth_story_floors(tmp_path, name, f1, precision, relevance):
    cfg = set_up(tmp_path, name)
    figures = score(cfg.parent / "followups" / "labels.json", config.load(cfg))
    assert figures["relevance"] >= relevance
    assert figures["change_f1"] >= f1 and figures["precision"] >= precision, figures


@pytest.mark.parametrize("name, f1, precision", [("followups5", 0.6, 0.85), ("followups6", 0.55, 0.75),
                                                 ("followups7", 0.55, 0.75), ("followups8", 0.45, 0.6),
                                                 ("followups9", 0.6, 0.75), ("followups10", 0.7, 0.85),
                                                 ("followups11", 0.75, 0.8), ("followups12", 0.7, 0.85),
                                                 ("followups13", 0.45, 0.55), ("followups14", 0.7, 0.85),
                                                 ("followups15", 0.6, 0.65), ("followups16", 0.75, 0.95),
                                                 ("followups17", 0.75, 0.8), ("followups18", 0.65, 0.75),
                                                 ("followups19", 0.7, 0.85), ("followups20", 0.75, 0.9),
                                                 ("followups21", 0.5, 0.85), ("followups22", 0.7, 0.85),
                                                 ("followups23", 0.75, 0.75), ("followups24", 0.75, 0.95),
                                                 ("followups25", 0.7, 0.8), ("followups26", 0.7, 0.8),
                                                 ("followups27", 0.75, 0.9), ("followups28", 0.85, 0.95),
                                                 ("followups29", 0.7, 0.9), ("followups30", 0.7, 0.9),
                                                 ("followups31", 0.85, 0.95), ("followups32", 0.85, 0.9),
                                                 ("followups33", 0.8, 0.95), ("followups34", 0.7, 0.8),
                                                 ("followups35", 0.7, 0.9)])
def test_sora_follow_ups_5_to_35_floors(name, f1, precision):
    figures = score(FIXTURES / name / "labels.json", config.load())
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= f1 and figures["precision"] >= precision, figures


@pytest.mark.parametrize("name, f1, precision", [("story9", 0.8, 0.95), ("story10", 0.85, 0.8), ("story11", 0.65, 0.7),
                                                 ("story12", 0.75, 0.95), ("story13", 0.55, 0.95),
                                                 ("story14", 0.55, 0.8), ("story15", 0.65, 0.85),
                                                 ("story16", 0.6, 0.9), ("story17", 0.7, 0.85),
                                                 ("story18", 0.65, 0.7), ("story19", 0.7, 0.8),
                                                 ("story20", 0.7, 0.85), ("story21", 0.7, 0.8),
                                                 ("story22", 0.7, 0.8), ("story23", 0.8, 0.85),
                                                 ("story24", 0.75, 0.95), ("story25", 0.65, 0.8),
                                                 ("story26", 0.5, 0.75), ("story27", 0.75, 0.85),
                                                 ("story28", 0.75, 0.85), ("story29", 0.8, 0.85),
                                                 ("story30", 0.75, 0.85), ("story31", 0.6, 0.7),
                                                 ("story32", 0.75, 0.8), ("story33", 0.55, 0.75),
                                                 ("story34", 0.8, 0.85), ("story35", 0.85, 0.9),
                                                 ("story36", 0.8, 0.85), ("story37", 0.8, 0.9),
                                                 ("story38", 0.75, 0.95), ("story39", 0.85, 0.95),
                                                 ("story40", 0.75, 0.9), ("story41", 0.8, 0.9),
                                                 ("story42", 0.75, 0.75), ("story43", 0.8, 0.95),
                                                 ("story44", 0.8, 0.85), ("story45", 0.8, 0.8),
                                                 ("story46", 0.75, 0.95), ("story47", 0.8, 0.85),
                                                 ("story48", 0.65, 0.75), ("story49", 0.75, 0.75),
                                                 ("story50", 0.8, 0.95), ("story51", 0.75, 0.85),
                                                 ("story52", 0.8, 0.85), ("story53", 0.85, 0.9),
                                                 ("story55", 0.75, 0.8), ("story56", 0.75, 0.9),
                                                 ("story57", 0.85, 0.95), ("story58", 0.7, 0.85),
                                                 ("story59", 0.85, 0.9), ("story60", 0.85, 0.9),
                                                 ("story61", 0.85, 0.85), ("story62", 0.75, 0.8),
                                                 ("story63", 0.85, 0.9), ("story64", 0.85, 0.9),
                                                 ("story65", 0.75, 0.85), ("story66", 0.65, 0.8),
                                                 ("story67", 0.85, 0.95), ("story68", 0.85, 0.9),
                                                 ("story69", 0.65, 0.85), ("story70", 0.85, 0.95)])
def test_ninth_to_seventieth_story_floors(tmp_path, name, f1, precision):
    cfg = set_up(tmp_path, name)
    figures = score(cfg.parent / "followups" / "labels.json", config.load(cfg))
    assert figures["relevance"] == 1.0
    assert figures["change_f1"] >= f1 and figures["precision"] >= precision, figures


def test_fifty_fourth_story_floor(tmp_path):
    """The ice rink story: its off-topic article shares the rink's name and the word "roof"."""
    cfg = set_up(tmp_path, "story54")
    figures = score(cfg.parent / "followups" / "labels.json", config.load(cfg))
    assert figures["relevance"] >= 5 / 6
    assert figures["change_f1"] >= 0.8 and figures["precision"] >= 0.9, figures
