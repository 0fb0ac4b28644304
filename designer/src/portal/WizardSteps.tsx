// The six steps of an application: the usual step bar on a wide screen; on a phone one compact row (antd's
// inline steps) instead of a 500 px vertical list above every page.
import { Grid, Steps, type StepsProps } from 'antd';
import { WIZARD_STEPS } from './steps.js';

export default function WizardSteps(props: Pick<StepsProps, 'current' | 'onChange' | 'items'>) {
  const wide = Grid.useBreakpoint().md ?? true;
  if (wide) return <Steps size="small" {...props} />;
  const items = props.items?.map((it, i) => ({ ...it, title: WIZARD_STEPS[i]?.short ?? it.title }));
  return <Steps type="inline" responsive={false} className="zc-steps-inline" {...props} items={items} />;
}
