// A dash that moves along a line (front lines). The line's vertices carry their arc length in pixels
// in texCoords.x; `phase` (pixels) shifts the pattern with the animation clock.
#version 120

uniform float dashLength;
uniform float gapLength;
uniform float phase;
uniform float opacity;   // fades a front line in or out during a transition

void main() {
    float period = dashLength + gapLength;
    float s = mod(gl_TexCoord[0].x - phase, period);
    // Soft ends, one pixel wide, so a moving dash does not flicker.
    float inDash = clamp(s, 0.0, 1.0) * clamp(dashLength - s, 0.0, 1.0);
    gl_FragColor = vec4(gl_Color.rgb, gl_Color.a * inDash * opacity);
}
