// The drawing viewer's shared commands (menu and shortcuts reach the viewer on screen).

type ZoomFn = (factor: number) => void;

class ViewerControl {
  private zoomFn: ZoomFn | null = null;
  private fitFn: (() => void) | null = null;

  attach(zoom: ZoomFn, fit: () => void): () => void {
    this.zoomFn = zoom;
    this.fitFn = fit;
    return () => {
      if (this.zoomFn === zoom) {
        this.zoomFn = null;
        this.fitFn = null;
      }
    };
  }

  zoom(f: number): void {
    this.zoomFn?.(f);
  }

  fit(): void {
    this.fitFn?.();
  }
}

export const viewer = new ViewerControl();
