// A dissolve between two control states: the lost region drawn at opacity 1 − progress, the gained one
// at progress, the same at every pixel (no front, no direction: see render::TransitionStyle).
#version 120

uniform float opacity;  // 0..1, times the vertex colour's alpha

void main() {
    gl_FragColor = vec4(gl_Color.rgb, gl_Color.a * opacity);
}
