package io.clipsearch.search;

/** An image's orientation from its upright size: wider, taller, or as wide as tall. */
public enum Shape {
  LANDSCAPE,
  PORTRAIT,
  SQUARE
}
