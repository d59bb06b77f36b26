"""Where something happened."""

from __future__ import annotations

import attrs

from incidents.model._convert import to_maybe_location_precision
from incidents.model._fields import Country, FloatRange, InstanceOf, Maybe, Text, doc, fail
from incidents.model.vocabulary import LocationPrecision

__all__ = ["Location"]


@attrs.frozen(kw_only=True)
class Location:
    """A place: a name, the administrative area and country, optionally coordinates.

    At least one of ``name``, ``country`` or the coordinates is given. ``latitude`` and
    ``longitude`` (WGS 84 degrees) come together, and ``precision`` says what they stand for.
    """

    name: str | None = attrs.field(
        default=None,
        validator=Maybe(Text(single_line=True)),
        metadata=doc("The place as the source names it: a city, a building, an airport."),
    )
    admin_area: str | None = attrs.field(
        default=None,
        validator=Maybe(Text(single_line=True)),
        metadata=doc("Region, province or oblast (e.g. 'Sverdlovsk Oblast')."),
    )
    country: str | None = attrs.field(
        default=None,
        validator=Maybe(Country()),
        metadata=doc("ISO 3166-1 alpha-2 code of the country."),
    )
    latitude: float | None = attrs.field(
        default=None,
        validator=Maybe(FloatRange(-90.0, 90.0)),
        metadata=doc("Latitude in decimal degrees (WGS 84), -90 to 90."),
    )
    longitude: float | None = attrs.field(
        default=None,
        validator=Maybe(FloatRange(-180.0, 180.0)),
        metadata=doc("Longitude in decimal degrees (WGS 84), -180 to 180."),
    )
    precision: LocationPrecision | None = attrs.field(
        converter=to_maybe_location_precision,
        default=None,
        validator=Maybe(InstanceOf(LocationPrecision)),
        metadata=doc("What the coordinates stand for; only with coordinates."),
    )

    def __attrs_post_init__(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise fail(self, missing, None, "latitude and longitude come together", "E209")
        if self.precision is not None and self.latitude is None:
            raise fail(self, "precision", self.precision, "precision needs coordinates", "E209")
        if self.name is None and self.country is None and self.latitude is None:
            raise fail(
                self, "name", None, "a location needs a name, a country or coordinates", "E209"
            )
