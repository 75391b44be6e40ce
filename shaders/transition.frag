// The wipe between two control states (render::TransitionStyle::Wipe). Each region (lost: in A, not in
// B; gained: in B, not in A) has a reveal value f per pixel, precomputed from distances to the two fronts and stored as 16 bits in
// the field texture (lost: r,g; gained: b,a). f runs from 0 at the old front to 1 at the new one.
// A lost pixel stays while the front has not reached it; a gained pixel appears once it has.
// progress 0 gives exactly state A, progress 1 exactly state B.
#version 120

uniform sampler2D field;
uniform vec2 frameSize;    // pixels; gl_TexCoord[0].xy holds the pixel position
uniform float progress;    // 0..1
uniform float softness;    // width of the front in f units
uniform float gained;      // 0: drawing the lost region, 1: the gained region

void main() {
    vec4 t = texture2D(field, gl_TexCoord[0].xy / frameSize);
    float f = gained < 0.5 ? (t.r * 65280.0 + t.g * 255.0) / 65535.0
                           : (t.b * 65280.0 + t.a * 255.0) / 65535.0;
    float w = softness;
    float shifted = progress * (1.0 + w);
    float alpha = gained < 0.5 ? clamp((f - shifted) / w + 1.0, 0.0, 1.0)
                               : clamp((shifted - f) / w, 0.0, 1.0);
    gl_FragColor = vec4(gl_Color.rgb, gl_Color.a * alpha);
}
