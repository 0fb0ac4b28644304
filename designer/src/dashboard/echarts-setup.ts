// The parts of ECharts the dashboard draws with, registered once. Imported only through a dynamic import()
// (Chart.tsx), so ECharts stays out of every first load, the applicant portal's above all.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, ToolboxComponent, TooltipComponent, CanvasRenderer]);

export { init };
