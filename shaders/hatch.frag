// Diagonal hatching in screen space (pattern = "hatch"): stripes of the vertex colour over a faint
// wash of it. GLSL 1.20 (SFML 2.5's fixed-function vertex stage supplies gl_Color).
#version 120

uniform float spacing;   // pixels between stripe centres
uniform float width;     // stripe width in pixels
uniform float wash;      // alpha factor between the stripes (0..1)

void main() {
    float d = mod(gl_FragCoord.x + gl_FragCoord.y, spacing);
    // Distance to the stripe centre along the diagonal, antialiased over one pixel.
    float fromCentre = abs(d - 0.5 * spacing) * 0.70710678;
    float stripe = clamp(0.5 * width - fromCentre + 0.5, 0.0, 1.0);
    float alpha = mix(wash, 1.0, stripe);
    gl_FragColor = vec4(gl_Color.rgb, gl_Color.a * alpha);
}
