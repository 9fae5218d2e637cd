"""Extract metropolitan France from world-atlas's countries-50m.json into france-50m.json.

Provenance of the vendored outline drawn by the home page's map (README.md
beside this file). Run with the npm package unpacked somewhere:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python static/vendor/world-atlas/extract.py package/countries-50m.json static/vendor/world-atlas/france-50m.json

It decodes the TopoJSON (quantised, delta-encoded arcs), keeps France's
polygons (ISO 3166-1 numeric 250) that lie in Europe (the mainland and
Corsica, not the overseas departments), simplifies each ring
(Douglas-Peucker, 0.03 degree, about 3 km: under a pixel at the map's size)
and writes GeoJSON in degrees, rounded to 0.01.
"""

import json
import math
import sys

FRANCE = "250"
EUROPE = (-6.0, 41.0, 10.0, 52.0)  # lon, lat box of metropolitan France
TOLERANCE = 0.03


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; the first and last points stay."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-12
        farthest, index = 0.0, None
        for i in range(start + 1, end):
            x, y = points[i]
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep.add(index)
            stack += [(start, index), (index, end)]
    return [points[i] for i in sorted(keep)]


def simplify_ring(points, tolerance):
    """A closed ring, simplified in two halves split at its point farthest from the start."""
    x0, y0 = points[0]
    middle = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - x0, points[i][1] - y0))
    first, second = simplify(points[:middle + 1], tolerance), simplify(points[middle:], tolerance)
    return first + second[1:]


def in_europe(points):
    west, south, east, north = EUROPE
    return all(west <= x <= east and south <= y <= north for x, y in points)


def main(source, target):
    with open(source, encoding="utf-8") as file:
        topology = json.load(file)
    arcs = decode_arcs(topology)
    [france] = [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == FRANCE]
    polygons = []
    for polygon in france["arcs"]:
        outer = ring(arcs, polygon[0])
        if not in_europe(outer):
            continue
        simplified = simplify_ring(outer, TOLERANCE)
        if len(simplified) >= 4:
            polygons.append([[[round(x, 2), round(y, 2)] for x, y in simplified]])
    feature = {
        "type": "Feature",
        "properties": {"name": "France (metropolitan)", "source": "Natural Earth 1:50m Admin 0 countries, "
                       "via world-atlas 2.0.2 (countries-50m.json)"},
        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
    }
    with open(target, "w", encoding="utf-8") as file:
        json.dump(feature, file, separators=(",", ":"))
        file.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
