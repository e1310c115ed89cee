"""The vocabulary of the catalog: hip directions, knee states, positions, equipment, levels.

Keys are stable (they are stored in files and the database); labels are what a coach reads.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from planner.file_text import quoted


class LabelledEnum(StrEnum):
    """A string enum whose members carry a coach-facing label."""

    label: str

    def __new__(cls, key: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, key)
        member._value_ = key
        member.label = label
        return member

    @classmethod
    def of(cls, key: str) -> Self:
        """The member whose key is exactly ``key`` (a widget's stored key), like ``cls(key)``,
        which type checkers read as a call of ``__new__`` with its label missing."""
        for member in cls:
            if member.value == key:
                return member
        raise ValueError(f"{quoted(key)} is not a known {cls.kind()}")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member whose key or label matches ``text`` (case-insensitive).

        Raises ``ValueError`` naming the accepted labels with their keys, so a command line or
        a file loader can show the coach what would have been valid, in the window's words.
        """
        wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if wanted in (member.value, member.label.lower().replace(" ", "_")):
                return member
        raise ValueError(
            f"{quoted(text)} is not a known {cls.kind()}; choose one of: {cls.choices()}"
        )

    @property
    def described(self) -> str:
        """The label as the window shows it, with the key when it differs: "Rotate out
        (external_rotation)"."""
        return self.label if self.label.lower() == self.value else f"{self.label} ({self.value})"

    @classmethod
    def choices(cls) -> str:
        """Every member :attr:`described`, for help texts and messages."""
        return ", ".join(m.described for m in cls)

    @classmethod
    def kind(cls) -> str:
        return cls.__name__.lower()


class Direction(LabelledEnum):
    """The six directions a hip moves in (DESIGN.md §1)."""

    FLEXION = ("flexion", "Forward")
    EXTENSION = ("extension", "Backward")
    ABDUCTION = ("abduction", "Away")
    ADDUCTION = ("adduction", "Toward")
    EXTERNAL_ROTATION = ("external_rotation", "Rotate out")
    INTERNAL_ROTATION = ("internal_rotation", "Rotate in")

    @property
    def joint_action(self) -> str:
        return _JOINT_ACTIONS[self]


_JOINT_ACTIONS = {
    Direction.FLEXION: "hip flexion",
    Direction.EXTENSION: "hip extension",
    Direction.ABDUCTION: "leg away from the other leg",
    Direction.ADDUCTION: "leg toward the other leg",
    Direction.EXTERNAL_ROTATION: "hip external rotation",
    Direction.INTERNAL_ROTATION: "hip internal rotation",
}


class Knee(LabelledEnum):
    """The knee of the limb doing the hip action."""

    BENT = ("bent", "Knee bent")
    STRAIGHT = ("straight", "Knee straight")


class Position(LabelledEnum):
    STANDING = ("standing", "Standing")
    SUPINE = ("supine", "Lying on the back")
    PRONE = ("prone", "Lying face down")
    SIDE_LYING = ("side_lying", "Lying on the side")
    SEATED = ("seated", "Seated")
    KNEELING = ("kneeling", "Kneeling")
    QUADRUPED = ("quadruped", "Hands and knees")
    PLANK = ("plank", "Plank")
    HANGING = ("hanging", "Hanging")

    @property
    def weight_bearing(self) -> bool:
        """Standing work loads the leg through the foot (DESIGN.md check 10)."""
        return self is Position.STANDING


class Equipment(LabelledEnum):
    BODY_WEIGHT = ("body_weight", "Body weight")
    ELASTIC_BAND = ("elastic_band", "Elastic band")
    MINI_BAND = ("mini_band", "Mini band")
    ANKLE_WEIGHT = ("ankle_weight", "Ankle weight")
    DUMBBELL = ("dumbbell", "Dumbbell")
    KETTLEBELL = ("kettlebell", "Kettlebell")
    BARBELL = ("barbell", "Barbell")
    CABLE = ("cable", "Cable")
    MACHINE = ("machine", "Machine")
    STABILITY_BALL = ("stability_ball", "Stability ball")
    BENCH = ("bench", "Bench")
    BOX_STEP = ("box_step", "Box or step")
    SLIDER = ("slider", "Slider")
    SOFT_BALL = ("soft_ball", "Soft ball")
    PULL_UP_BAR = ("pull_up_bar", "Pull-up bar")
    PARTNER = ("partner", "Partner")


class Level(LabelledEnum):
    BEGINNER = ("beginner", "Beginner")
    INTERMEDIATE = ("intermediate", "Intermediate")
    ADVANCED = ("advanced", "Advanced")

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Unit(LabelledEnum):
    """What the amount of a dose counts."""

    REPS = ("reps", "reps")
    SECONDS = ("seconds", "s")
    STEPS = ("steps", "steps")
    METERS = ("meters", "m")
