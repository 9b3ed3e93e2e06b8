// The 3D view: the server's GLB of the current document (a node per part, grouped in
// "cabinet:<id>" nodes), orbit and zoom, click a part to select its cabinet, doors open or
// closed. Renders on demand (after a load, a camera move, a highlight), not in a loop.
import * as THREE from "three";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";

const SELECTED = new THREE.Color(0x2b6cb0);
const FLAGGED = new THREE.Color(0xc53030);
// The GLB names a cabinet's node "cabinet:<id>"; three.js drops the ":" from node names.
const CABINET = /^cabinet:?/;

export class Viewer {
  constructor(container, { onSelect }) {
    this.container = container;
    this.onSelect = onSelect;
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    container.append(this.renderer.domElement);
    this.scene = new THREE.Scene();
    this.scene.background = new THREE.Color(0xf4f1ec);
    this.scene.add(new THREE.HemisphereLight(0xffffff, 0xb9b2a6, 2.2));
    const sun = new THREE.DirectionalLight(0xffffff, 1.6);
    sun.position.set(2, 6, -5); // from the room's side: the fronts are lit
    this.scene.add(sun);
    this.camera = new THREE.PerspectiveCamera(45, 1, 0.05, 200);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.addEventListener("change", () => this.render());
    this.loader = new GLTFLoader();
    this.model = null;
    this.framed = false;
    this.doorsOpen = false;
    this.selected = null;
    this.flagged = new Set();
    this.firstFrame = null;
    this.pickAt(this.renderer.domElement);
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
  }

  resize() {
    const { clientWidth: w, clientHeight: h } = this.container;
    if (!w || !h) return;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.render();
  }

  /** Show the GLB in `buffer` (an ArrayBuffer) in place of the current model. */
  load(buffer) {
    return new Promise((resolve, reject) => {
      this.loader.parse(buffer, "", (gltf) => {
        if (this.model) {
          this.scene.remove(this.model);
          dispose(this.model);
        }
        this.model = gltf.scene;
        this.prepare(this.model);
        this.scene.add(this.model);
        if (!this.framed) this.frame();
        this.setDoors(this.doorsOpen);
        this.highlight(this.selected, this.flagged);
        if (this.firstFrame === null) {
          this.firstFrame = performance.now();
          performance.mark("millwork:first-3d-frame");
        }
        resolve();
      }, reject);
    });
  }

  /** Own materials per mesh (to tint one cabinet), see-through walls, door hinges. */
  prepare(root) {
    this.cabinets = new Map();
    this.doors = [];
    root.traverse((node) => {
      if (CABINET.test(node.name)) this.cabinets.set(node.name.replace(CABINET, ""), node);
      if (!node.isMesh) return;
      node.material = node.material.clone();
      node.material.userData.base = node.material.color.clone();
      const see = /^room:?(wall|obstacle|opening)/.exec(node.name);
      if (see) {
        node.material.transparent = true;
        // walls see-through to look in; a beam, column or pipe box solid enough to see
        node.material.opacity = { opening: 0.45, obstacle: 0.7, wall: 0.18 }[see[1]];
        node.material.depthWrite = false;
      }
      if (/-DOOR\d+$/.test(node.name)) this.doors.push(node);
    });
    for (const node of this.cabinets.values()) {
      const edges = new THREE.Box3().setFromObject(node);
      node.userData.box = edges;
    }
  }

  /** Put the whole model in view, seen from the room's front right, above. */
  frame() {
    const box = new THREE.Box3().setFromObject(this.model);
    if (box.isEmpty()) return;
    const sphere = box.getBoundingSphere(new THREE.Sphere());
    const vertical = THREE.MathUtils.degToRad(this.camera.fov);
    const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * this.camera.aspect);
    const distance = sphere.radius / Math.sin(Math.min(vertical, horizontal) / 2);
    const from = new THREE.Vector3(0.45, 0.8, -1).normalize().multiplyScalar(distance * 0.8);
    this.controls.target.copy(sphere.center);
    this.camera.position.copy(sphere.center).add(from);
    this.camera.near = distance / 100;
    this.camera.far = distance * 10;
    this.camera.updateProjectionMatrix();
    this.controls.update();
    this.framed = true;
  }

  /** Swing hinged doors open (about their outer edge, alternating sides), or shut. */
  setDoors(open) {
    this.doorsOpen = open;
    for (const door of this.doors) {
      if (!door.userData.closed) door.userData.closed = door.matrix.clone();
      door.matrix.copy(door.userData.closed);
      door.matrix.decompose(door.position, door.quaternion, door.scale);
      if (!open) continue;
      const n = Number(door.name.match(/(\d+)$/)[1]);
      const half = door.scale.x / 2;
      const left = n % 2 === 1;
      const hinge = new THREE.Vector3(door.position.x + (left ? -half : half), door.position.y, 0);
      const angle = (left ? 1 : -1) * THREE.MathUtils.degToRad(95) * frontSign(door);
      const turn = new THREE.Matrix4().makeTranslation(hinge.x, hinge.y, 0)
        .multiply(new THREE.Matrix4().makeRotationZ(angle))
        .multiply(new THREE.Matrix4().makeTranslation(-hinge.x, -hinge.y, 0));
      door.matrix.premultiply(turn);
      door.matrix.decompose(door.position, door.quaternion, door.scale);
    }
    this.render();
  }

  /** Tint the selected cabinet, and those with problems. */
  highlight(selected, flagged = new Set()) {
    this.selected = selected;
    this.flagged = flagged;
    if (!this.cabinets) return;
    for (const [id, node] of this.cabinets) {
      const tint = id === selected ? SELECTED : flagged.has(id) ? FLAGGED : null;
      node.traverse((mesh) => {
        if (!mesh.isMesh) return;
        const base = mesh.material.userData.base;
        mesh.material.color.copy(tint ? base.clone().lerp(tint, 0.3) : base);
      });
    }
    this.render();
  }

  /** Where the middle of cabinet `id` is on the page (client pixels), or null. */
  screenPoint(id) {
    const node = this.cabinets?.get(id);
    if (!node) return null;
    const centre = new THREE.Box3().setFromObject(node).getCenter(new THREE.Vector3()).project(this.camera);
    const rect = this.renderer.domElement.getBoundingClientRect();
    return { x: rect.left + ((centre.x + 1) / 2) * rect.width, y: rect.top + ((1 - centre.y) / 2) * rect.height };
  }

  pickAt(canvas) {
    let down = null;
    canvas.addEventListener("pointerdown", (e) => { down = [e.clientX, e.clientY]; });
    canvas.addEventListener("pointerup", (e) => {
      if (!down || Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 6 || !this.model) return;
      const rect = canvas.getBoundingClientRect();
      const pointer = new THREE.Vector2(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      const ray = new THREE.Raycaster();
      ray.setFromCamera(pointer, this.camera);
      for (const hit of ray.intersectObject(this.model, true)) {
        let node = hit.object;
        while (node && !CABINET.test(node.name)) node = node.parent;
        if (node) {
          this.onSelect(node.name.replace(CABINET, ""));
          return;
        }
      }
    });
  }

  render() {
    this.renderer.render(this.scene, this.camera);
  }
}

/** +1 when the door sits on the +y side of its cabinet (its front), else -1. */
function frontSign(door) {
  const sides = door.parent.children.filter((c) => /-SIDE-[LR]$/.test(c.name));
  if (!sides.length) return 1;
  return door.position.y >= sides[0].position.y ? 1 : -1;
}

function dispose(root) {
  root.traverse((node) => {
    if (node.isMesh) {
      node.geometry.dispose();
      node.material.dispose();
    }
  });
}
